package com.salesos.admin.aws.workspaces;

import com.salesos.admin.aws.table.Item;
import com.salesos.admin.aws.table.TableKeys;
import com.salesos.admin.aws.table.Transactions;
import com.salesos.admin.common.EmailAddress;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * One item per email address in a workspace, naming who holds it (a pending invitation or a
 * user). Claiming it with "must not exist" makes the address unique across users and pending
 * invitations, also under concurrent requests.
 */
public final class EmailGuard {

    private EmailGuard() {
    }

    public static TransactWriteItem claim(String table, String workspaceId, EmailAddress email, String holder) {
        return Transactions.putNew(table, Item.of(TableKeys.workspace(workspaceId), TableKeys.email(email.value()))
                .with("holder", holder));
    }

    public static TransactWriteItem release(String table, String workspaceId, EmailAddress email, String holder) {
        return TransactWriteItem.builder().delete(d -> d.tableName(table)
                .key(Item.key(TableKeys.workspace(workspaceId), TableKeys.email(email.value())))
                .conditionExpression("holder = :h")
                .expressionAttributeValues(Map.of(":h", Item.s(holder)))).build();
    }

    public static TransactWriteItem transfer(String table, String workspaceId, EmailAddress email, String from, String to) {
        return TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(Item.key(TableKeys.workspace(workspaceId), TableKeys.email(email.value())))
                .updateExpression("SET holder = :to")
                .conditionExpression("holder = :from")
                .expressionAttributeValues(Map.of(":from", Item.s(from), ":to", Item.s(to)))).build();
    }
}
