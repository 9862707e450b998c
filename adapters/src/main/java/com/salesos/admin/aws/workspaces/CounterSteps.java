package com.salesos.admin.aws.workspaces;

import com.salesos.admin.aws.table.Item;
import com.salesos.admin.aws.table.TableKeys;
import com.salesos.admin.workspaces.CounterChange;
import com.salesos.admin.workspaces.CounterChange.Counter;
import com.salesos.admin.workspaces.CounterChange.Guard;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Writes a domain {@link CounterChange} as one update of the workspace item: DynamoDB lets a
 * transaction touch an item once, so every counter the change moves goes into the same update,
 * with each of its guards as a condition. The rules themselves are the domain's; this class only
 * names the attributes.
 */
public final class CounterSteps {

    private CounterSteps() {
    }

    /** The step, or empty when nothing moves (for example a role change between non-Admin roles). */
    public static Optional<TransactWriteItem> step(String table, String workspaceId, CounterChange change) {
        if (change.isEmpty()) {
            return Optional.empty();
        }
        List<String> adds = new ArrayList<>();
        Map<String, AttributeValue> values = new HashMap<>();
        change.deltas().forEach((counter, delta) -> {
            String name = attribute(counter);
            adds.add(name + " :" + name);
            values.put(":" + name, Item.n(delta));
        });
        List<String> conditions = new ArrayList<>(List.of("attribute_exists(pk)"));
        for (Guard guard : change.guards()) {
            conditions.add(condition(guard));
            if (guard == Guard.ADMIN_QUORUM) {
                values.put(":one", Item.n(1));
            }
        }
        return Optional.of(TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(Item.key(TableKeys.workspace(workspaceId), TableKeys.WORKSPACE_SK))
                .updateExpression("ADD " + String.join(", ", adds))
                .conditionExpression(String.join(" AND ", conditions))
                .expressionAttributeValues(values)).build());
    }

    /** The attribute on the workspace item that keeps {@code counter}; {@link DynamoSeatLedger} reads the same. */
    static String attribute(Counter counter) {
        return switch (counter) {
            case SEATS_USED -> "seatsUsed";
            case ACTIVE_USERS -> "activeUsers";
            case PENDING_INVITATIONS -> "pendingInvitations";
            case ACTIVE_ADMINS -> "activeAdmins";
        };
    }

    private static String condition(Guard guard) {
        return switch (guard) {
            case SEAT_LIMIT -> "seatsUsed < seatLimit";
            case ADMIN_QUORUM -> "activeAdmins > :one";
        };
    }
}
