package com.salesos.admin.aws.points;

import com.salesos.admin.aws.table.Cursor;
import com.salesos.admin.aws.table.Item;
import com.salesos.admin.aws.table.SortableTime;
import com.salesos.admin.aws.table.TableKeys;
import com.salesos.admin.aws.table.Transactions;
import com.salesos.admin.aws.workspaces.WorkspaceGate;
import static com.salesos.admin.aws.table.Item.s;

import com.salesos.admin.common.Page;
import com.salesos.admin.common.PageRequest;
import com.salesos.admin.points.ActivityType;
import com.salesos.admin.points.PointLimits;
import com.salesos.admin.points.PointsLedger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Ledger entries are {@code POINTS#<activityId>} items (GSI1 lists a user's entries by time); each
 * user's total is a {@code USERPOINTS#<userId>} counter. An entry and its addition to the total
 * commit together, and "must not exist" on the entry makes a repeated activity id score once.
 */
public final class DynamoPointsLedger implements PointsLedger {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoPointsLedger(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Booking record(Entry entry) {
        String ws = entry.workspaceId();
        List<TransactWriteItem> writes = List.of(
                Transactions.putNew(table, toItem(entry)),
                addToTotal(table, ws, entry.userId(), entry.type(), entry.total()));
        try {
            WorkspaceGate.commit(dynamo, table, ws, writes);
            return new Booking.Booked(entry);
        } catch (TransactionCanceledException e) {
            if (Transactions.failedCondition(e.cancellationReasons(), 0)) {
                return new Booking.AlreadyBooked(find(ws, entry.activityId()).orElseThrow(() -> e));
            }
            if (Transactions.failedCondition(e.cancellationReasons(), 1)) {
                return new Booking.OverCeiling(total(ws, entry.userId()));
            }
            throw e;
        }
    }

    /**
     * Adds points to the user's total and one to the type's counter, on the condition that the
     * total stays at or under {@link PointLimits#MAX_TOTAL}: the one guard every booking (activity
     * or badge reward) goes through, so a total never leaves the range a long can read.
     */
    public static TransactWriteItem addToTotal(String table, String workspaceId, String userId, ActivityType type, long points) {
        return TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(Item.key(TableKeys.workspace(workspaceId), "USERPOINTS#" + userId))
                .updateExpression("ADD #total :points, #count :one")
                .conditionExpression("attribute_not_exists(#total) OR #total <= :room")
                .expressionAttributeNames(Map.of("#total", "total", "#count", countOf(type)))
                .expressionAttributeValues(Map.of(":points", Item.n(points), ":one", Item.n(1),
                        ":room", Item.n(PointLimits.MAX_TOTAL - points)))).build();
    }

    @Override
    public long total(String workspaceId, String userId) {
        return userPoints(workspaceId, userId).map(points -> points.number("total")).orElse(0L);
    }

    @Override
    public Standing standing(String workspaceId, String userId) {
        Map<ActivityType, Long> counts = new java.util.EnumMap<>(ActivityType.class);
        Optional<Item> found = userPoints(workspaceId, userId);
        if (found.isEmpty()) {
            return new Standing(0, counts);
        }
        Item points = found.get();
        for (ActivityType type : ActivityType.values()) {
            counts.put(type, points.number(countOf(type)));
        }
        return new Standing(points.number("total"), counts);
    }

    /** The user's points item: total and per-type counters. */
    private Optional<Item> userPoints(String workspaceId, String userId) {
        return Item.read(dynamo, table, Item.key(TableKeys.workspace(workspaceId), "USERPOINTS#" + userId));
    }

    /** The per-type counter on the user's points item ({@code count_DEAL_WON}); rewards count as {@code count_BADGE}. */
    static String countOf(ActivityType type) {
        return "count_" + (type == null ? "BADGE" : type.name());
    }

    /** The ledger item of an entry, for adapters that book rewards in their own transactions. */
    public static Item ledgerItem(Entry entry) {
        return toItem(entry);
    }

    @Override
    public Page<Entry> entries(String workspaceId, String userId, PageRequest page) {
        String partition = byUser(workspaceId, userId);
        QueryResponse response = dynamo.query(r -> {
            r.tableName(table).indexName(TableKeys.GSI1).limit(page.limit()).scanIndexForward(false)
                    .keyConditionExpression("gsi1pk = :p")
                    .expressionAttributeValues(Map.of(":p", s(partition)));
            page.cursor().map(c -> Cursor.decodeIndexKey(c, TableKeys.workspace(workspaceId), partition, "POINTS#"))
                    .ifPresent(r::exclusiveStartKey);
        });
        return new Page<>(response.items().stream().map(i -> fromItem(Item.from(i))).toList(),
                Cursor.encode(response.lastEvaluatedKey()));
    }

    private Optional<Entry> find(String workspaceId, String activityId) {
        return Item.read(dynamo, table, Item.key(TableKeys.workspace(workspaceId), "POINTS#" + activityId))
                .map(item -> fromItem(item));
    }

    private static String byUser(String workspaceId, String userId) {
        return "WS#" + workspaceId + "#POINTS#" + userId;
    }

    private static Item toItem(Entry entry) {
        Item item = Item.of(TableKeys.workspace(entry.workspaceId()), "POINTS#" + entry.activityId())
                .with(TableKeys.GSI1_PK, byUser(entry.workspaceId(), entry.userId()))
                .with(TableKeys.GSI1_SK, SortableTime.of(entry.occurredAt()) + "#" + entry.activityId())
                .with("type", "points")
                .with("workspaceId", entry.workspaceId())
                .with("activityId", entry.activityId())
                .with("userId", entry.userId())
                .with("activityType", entry.type() == null ? null : entry.type().name())
                .with("badgeId", entry.badgeId())
                .with("occurredAt", entry.occurredAt())
                .with("currency", entry.currency())
                .with("dealId", entry.dealId())
                .with("settingsVersion", entry.settingsVersion())
                .with("base", entry.base())
                .with("bonus", entry.bonus())
                .with("recordedAt", entry.recordedAt());
        if (entry.valueMinorUnits() != null) {
            item.with("valueAmount", entry.valueMinorUnits());
        }
        return item;
    }

    private static Entry fromItem(Item item) {
        return new Entry(item.string("workspaceId"), item.string("activityId"), item.string("userId"),
                item.optionalString("activityType").map(ActivityType::valueOf).orElse(null), item.string("badgeId"),
                item.instant("occurredAt"),
                item.values().containsKey("valueAmount") ? item.number("valueAmount") : null,
                item.string("currency"), item.string("dealId"), (int) item.number("settingsVersion"),
                item.number("base"), item.number("bonus"), item.instant("recordedAt"));
    }
}
