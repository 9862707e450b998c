package com.salesos.admin.aws;

import com.salesos.admin.seats.Seats;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The seat counters on the workspace item. Each method returns a transaction step to commit with
 * the user or invitation change it counts; taking a seat carries the condition
 * {@code seatsUsed < seatLimit}, which DynamoDB checks atomically with the rest of the transaction.
 */
public final class DynamoSeatLedger {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoSeatLedger(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    TransactWriteItem takeForInvitation(String workspaceId) {
        return take(workspaceId, "pendingInvitations");
    }

    TransactWriteItem takeForUser(String workspaceId) {
        return take(workspaceId, "activeUsers");
    }

    TransactWriteItem releaseInvitation(String workspaceId) {
        return change(workspaceId, "ADD seatsUsed :minus, pendingInvitations :minus", Map.of(":minus", Item.n(-1)));
    }

    TransactWriteItem convertInvitationToUser(String workspaceId) {
        return change(workspaceId, "ADD pendingInvitations :minus, activeUsers :plus",
                Map.of(":minus", Item.n(-1), ":plus", Item.n(1)));
    }

    public Seats read(String workspaceId) {
        Item item = Item.from(dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Item.key(TableKeys.workspace(workspaceId), TableKeys.WORKSPACE_SK))).item());
        return new Seats(item.number("seatLimit"), item.number("activeUsers"), item.number("pendingInvitations"));
    }

    private TransactWriteItem take(String workspaceId, String counter) {
        return TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(Item.key(TableKeys.workspace(workspaceId), TableKeys.WORKSPACE_SK))
                .updateExpression("ADD seatsUsed :plus, " + counter + " :plus")
                .conditionExpression("attribute_exists(pk) AND seatsUsed < seatLimit")
                .expressionAttributeValues(Map.of(":plus", Item.n(1)))).build();
    }

    private TransactWriteItem change(String workspaceId, String update, Map<String, AttributeValue> values) {
        return TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(Item.key(TableKeys.workspace(workspaceId), TableKeys.WORKSPACE_SK))
                .updateExpression(update)
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(values)).build();
    }
}
