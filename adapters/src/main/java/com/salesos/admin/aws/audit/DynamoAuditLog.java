package com.salesos.admin.aws.audit;

import com.salesos.admin.aws.table.AttributeValues;
import com.salesos.admin.aws.table.Item;
import com.salesos.admin.aws.table.SortableTime;
import com.salesos.admin.aws.table.TableKeys;
import com.salesos.admin.aws.table.Transactions;
import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.common.IdGenerator;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** Audit records live in their own partition per workspace, sorted by time; written inside each change's transaction. */
public final class DynamoAuditLog {

    private final String table;
    private final IdGenerator ids;

    public DynamoAuditLog(String table, IdGenerator ids) {
        this.table = table;
        this.ids = ids;
    }

    public TransactWriteItem append(AuditEvent event) {
        String id = ids.newId("aud");
        return Transactions.putNew(table, Item.of(TableKeys.audit(event.workspaceId()), SortableTime.of(event.at()) + "#" + id)
                .with("id", id)
                .with("actor", event.actorUserId())
                .with("action", event.action())
                .with("targetType", event.targetType())
                .with("targetId", event.targetId())
                .with("at", event.at())
                .withValue("before", AttributeValues.of(event.before()))
                .withValue("after", AttributeValues.of(event.after())));
    }
}
