package com.salesos.admin.aws.audit;

import com.salesos.admin.aws.table.AttributeValues;
import com.salesos.admin.aws.table.Cursor;
import com.salesos.admin.aws.table.Item;
import com.salesos.admin.aws.table.TableKeys;
import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.audit.AuditTrail;
import com.salesos.admin.common.Page;
import com.salesos.admin.common.PageRequest;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Reads the audit partition of a workspace newest first. */
public final class DynamoAuditTrail implements AuditTrail {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoAuditTrail(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Page<Entry> newestFirst(String workspaceId, PageRequest page) {
        String partition = TableKeys.audit(workspaceId);
        QueryResponse response = dynamo.query(r -> {
            r.tableName(table).limit(page.limit()).scanIndexForward(false)
                    .keyConditionExpression("pk = :p")
                    .expressionAttributeValues(Map.of(":p", Item.s(partition)));
            page.cursor().map(c -> Cursor.decodeTableKey(c, partition, "")).ifPresent(r::exclusiveStartKey);
        });
        return new Page<>(response.items().stream().map(i -> toEntry(workspaceId, i)).toList(),
                Cursor.encode(response.lastEvaluatedKey()));
    }

    private static Entry toEntry(String workspaceId, Map<String, AttributeValue> values) {
        Item item = Item.from(values);
        return new Entry(item.string("id"), new AuditEvent(workspaceId, item.string("actor"), item.string("action"),
                item.string("targetType"), item.string("targetId"), item.instant("at"),
                fields(values.get("before")), fields(values.get("after"))));
    }

    /** The recorded fields with their types; a null value (a field that was cleared) stays in the map. */
    private static Map<String, Object> fields(AttributeValue map) {
        Map<String, Object> out = new HashMap<>();
        if (map != null && map.hasM()) {
            map.m().forEach((k, v) -> out.put(k, AttributeValues.value(v)));
        }
        return out;
    }
}
