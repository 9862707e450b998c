package com.salesos.admin.aws.workspaces;

import com.salesos.admin.aws.table.Item;
import com.salesos.admin.aws.table.TableKeys;
import com.salesos.admin.seats.SeatAccount;
import com.salesos.admin.seats.Seats;
import com.salesos.admin.workspaces.CounterChange;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Reads the counters on the workspace item. They change only through {@link CounterSteps}
 * committed in the same transaction as the user or invitation change they count.
 */
public final class DynamoSeatLedger implements SeatAccount {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoSeatLedger(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Seats read(String workspaceId) {
        Item item = workspaceItem(workspaceId);
        // The plan store keeps a pending downgrade on the same item (DynamoPlanStore).
        return new Seats(item.number("seatLimit"), item.number("activeUsers"), item.number("pendingInvitations"),
                item.optionalString("pendingTier").map(tier -> new Seats.LoweredLimit(tier, item.instant("pendingEffectiveAt"))));
    }

    public long activeAdmins(String workspaceId) {
        return workspaceItem(workspaceId).number("activeAdmins");
    }

    /**
     * Why DynamoDB refused a counter change: the counters as they are now, judged by the domain's
     * guards ({@link CounterChange#refusal}).
     */
    public CounterChange.Refusal refusal(String workspaceId, CounterChange change) {
        Item item = workspaceItem(workspaceId);
        return change.refusal(new Seats(item.number("seatLimit"), item.number("activeUsers"),
                item.number("pendingInvitations")), item.number("activeAdmins"));
    }

    private Item workspaceItem(String workspaceId) {
        return Item.from(dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Item.key(TableKeys.workspace(workspaceId), TableKeys.WORKSPACE_SK))).item());
    }
}
