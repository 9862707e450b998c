package com.salesos.admin.aws.workspaces;

import com.salesos.admin.aws.table.Item;
import com.salesos.admin.aws.table.TableKeys;
import com.salesos.admin.access.BuiltInRoles;
import com.salesos.admin.seats.Seats;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * One change to the counters on the workspace item (seats in use, active users, pending
 * invitations, active Admins), as a single transaction step: DynamoDB lets a transaction touch an
 * item once, so every counter a change moves goes into the same update, with the conditions that
 * guard the invariants.
 * <ul>
 *   <li>taking a seat: {@code seatsUsed < seatLimit};</li>
 *   <li>an active Admin leaving: {@code activeAdmins > 1} (the last one never goes).</li>
 * </ul>
 */
public final class CounterChange {

    private final Map<String, Long> deltas = new LinkedHashMap<>();
    private boolean takesSeat;
    private boolean losesAdmin;

    public static CounterChange of() {
        return new CounterChange();
    }

    public CounterChange takeSeatForInvitation() {
        takesSeat = true;
        return add("seatsUsed", 1).add("pendingInvitations", 1);
    }

    public CounterChange takeSeatForUser() {
        takesSeat = true;
        return add("seatsUsed", 1).add("activeUsers", 1);
    }

    public CounterChange releaseInvitationSeat() {
        return add("seatsUsed", -1).add("pendingInvitations", -1);
    }

    public CounterChange releaseUserSeat() {
        return add("seatsUsed", -1).add("activeUsers", -1);
    }

    /** Accepting an invitation: its seat becomes the user's seat, seats in use stay the same. */
    public CounterChange convertInvitationToUser() {
        return add("pendingInvitations", -1).add("activeUsers", 1);
    }

    public CounterChange gainAdminIf(String roleId) {
        return isAdmin(roleId) ? add("activeAdmins", 1) : this;
    }

    public CounterChange loseAdminIf(String roleId) {
        if (!isAdmin(roleId)) {
            return this;
        }
        losesAdmin = true;
        return add("activeAdmins", -1);
    }

    public boolean takesSeat() {
        return takesSeat;
    }

    public boolean losesAdmin() {
        return losesAdmin;
    }

    /** The step, or empty when nothing moves (for example a role change between non-Admin roles). */
    public Optional<TransactWriteItem> toStep(String table, String workspaceId) {
        Map<String, Long> effective = new LinkedHashMap<>();
        deltas.forEach((name, delta) -> {
            if (delta != 0) {
                effective.put(name, delta);
            }
        });
        if (effective.isEmpty()) {
            return Optional.empty();
        }
        List<String> adds = new ArrayList<>();
        Map<String, AttributeValue> values = new HashMap<>();
        effective.forEach((name, delta) -> {
            adds.add(name + " :" + name);
            values.put(":" + name, Item.n(delta));
        });
        List<String> conditions = new ArrayList<>(List.of("attribute_exists(pk)"));
        if (takesSeat) {
            conditions.add("seatsUsed < seatLimit");
        }
        if (losesAdmin) {
            conditions.add("activeAdmins > :one");
            values.put(":one", Item.n(1));
        }
        return Optional.of(TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(Item.key(TableKeys.workspace(workspaceId), TableKeys.WORKSPACE_SK))
                .updateExpression("ADD " + String.join(", ", adds))
                .conditionExpression(String.join(" AND ", conditions))
                .expressionAttributeValues(values)).build());
    }

    /** Which guard refused, read from the counters after the transaction was cancelled. */
    public Refusal explain(Seats seats, long activeAdmins) {
        if (takesSeat && seats.used() >= seats.limit()) {
            return Refusal.NO_FREE_SEAT;
        }
        if (losesAdmin && activeAdmins <= 1) {
            return Refusal.LAST_ADMIN;
        }
        return Refusal.RACE;
    }

    public enum Refusal {
        NO_FREE_SEAT, LAST_ADMIN,
        /** The counters moved between the refusal and the read; the caller may simply retry. */
        RACE
    }

    private CounterChange add(String counter, long delta) {
        deltas.merge(counter, delta, Long::sum);
        return this;
    }

    private static boolean isAdmin(String roleId) {
        return BuiltInRoles.ADMIN.id().equals(roleId);
    }
}
