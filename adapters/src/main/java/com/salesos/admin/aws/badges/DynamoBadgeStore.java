package com.salesos.admin.aws.badges;

import com.salesos.admin.aws.audit.DynamoAuditLog;
import com.salesos.admin.aws.points.DynamoPointsLedger;
import com.salesos.admin.aws.table.Cursor;
import com.salesos.admin.aws.table.IdempotencyRecords;
import com.salesos.admin.aws.table.Item;
import com.salesos.admin.aws.table.SortableTime;
import com.salesos.admin.aws.table.Steps;
import com.salesos.admin.aws.table.TableKeys;
import com.salesos.admin.aws.table.Transactions;
import com.salesos.admin.aws.workspaces.CustomCounts;
import com.salesos.admin.aws.workspaces.WorkspaceGate;
import static com.salesos.admin.aws.table.Item.s;

import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.badges.Badge;
import com.salesos.admin.badges.BadgeStore;
import com.salesos.admin.badges.Criterion;
import com.salesos.admin.common.IdempotencyKey;
import com.salesos.admin.common.Page;
import com.salesos.admin.common.PageRequest;
import com.salesos.admin.points.ActivityType;
import com.salesos.admin.points.PointsLedger.Entry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Custom badges ({@code BADGE#id}) and awards ({@code AWARD#user#badge}, GSI1 lists a workspace's
 * awards by time). An award, its reward's ledger entry and the user's new total commit together;
 * "must not exist" on the award makes a badge go to a user once.
 */
public final class DynamoBadgeStore implements BadgeStore {

    /** Every attribute of a badge item that an edit or an image can change ({@link #toItem}). */
    private static final List<String> MUTABLE_FIELDS = List.of("name", "description", "narrative", "pointReward",
            "imageType", "criterionKind", "activityType", "atLeast");

    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoAuditLog auditLog;

    public DynamoBadgeStore(DynamoDbClient dynamo, String table, DynamoAuditLog auditLog) {
        this.dynamo = dynamo;
        this.table = table;
        this.auditLog = auditLog;
    }

    @Override
    public List<Badge> listCustom(String workspaceId) {
        return dynamo.queryPaginator(r -> r.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :p and begins_with(sk, :s)")
                        .expressionAttributeValues(Map.of(":p", s(TableKeys.workspace(workspaceId)), ":s", s("BADGE#"))))
                .items().stream().map(i -> fromItem(Item.from(i))).toList();
    }

    @Override
    public Optional<Badge> findCustom(String workspaceId, String badgeId) {
        return Item.read(dynamo, table, Item.key(TableKeys.workspace(workspaceId), "BADGE#" + badgeId))
                .map(item -> fromItem(item));
    }

    @Override
    public Creation create(String workspaceId, Badge badge, AuditEvent audit, Optional<IdempotencyKey> key, int max) {
        Steps steps = new Steps();
        key.ifPresent(k -> steps.add("idempotency", IdempotencyRecords.claim(table, workspaceId, k, badge.id(), audit.at())));
        steps.add("badge", Transactions.putNew(table, toItem(workspaceId, badge)))
                .add("count", CustomCounts.addOne(table, workspaceId, CustomCounts.BADGES, max))
                .add("audit", auditLog.append(audit));
        try {
            WorkspaceGate.commit(dynamo, table, workspaceId, steps.items());
            return new Creation.Created();
        } catch (TransactionCanceledException e) {
            if (key.isPresent() && steps.failed(e.cancellationReasons(), "idempotency")) {
                return new Creation.Replayed(IdempotencyRecords.replay(dynamo, table, workspaceId, key.get()));
            }
            if (steps.failed(e.cancellationReasons(), "count")) {
                return new Creation.LimitReached();
            }
            throw e;
        }
    }

    @Override
    public boolean update(String workspaceId, Badge current, Badge updated, AuditEvent audit) {
        Item item = toItem(workspaceId, updated);
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        String asRead = stillAsRead(toItem(workspaceId, current), names, values);
        TransactWriteItem put = TransactWriteItem.builder().put(p -> p.tableName(table).item(item.values())
                .conditionExpression(asRead).expressionAttributeNames(names).expressionAttributeValues(values)).build();
        return WorkspaceGate.commitUnlessConditionFails(dynamo, table, workspaceId, List.of(put, auditLog.append(audit)));
    }

    @Override
    public boolean delete(String workspaceId, Badge badge, AuditEvent audit) {
        return WorkspaceGate.commitUnlessConditionFails(dynamo, table, workspaceId, List.of(
                Transactions.delete(table, Item.key(TableKeys.workspace(workspaceId), "BADGE#" + badge.id())),
                CustomCounts.removeOne(table, workspaceId, CustomCounts.BADGES),
                auditLog.append(audit)));
    }

    /** "The badge exists with every field as {@code read} has it": each field equal, or absent as it was. */
    private static String stillAsRead(Item read, Map<String, String> names, Map<String, AttributeValue> values) {
        List<String> conditions = new ArrayList<>(List.of("attribute_exists(pk)"));
        for (String field : MUTABLE_FIELDS) {
            String name = "#" + field;
            names.put(name, field);
            AttributeValue value = read.values().get(field);
            if (value == null) {
                conditions.add("attribute_not_exists(" + name + ")");
            } else {
                values.put(":" + field, value);
                conditions.add(name + " = :" + field);
            }
        }
        return String.join(" AND ", conditions);
    }

    @Override
    public boolean award(String workspaceId, String userId, Badge badge, Instant at, String credential) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(Transactions.putNew(table, Item.of(TableKeys.workspace(workspaceId), awardKey(userId, badge.id()))
                .with(TableKeys.GSI1_PK, "WS#" + workspaceId + "#AWARDS")
                .with(TableKeys.GSI1_SK, SortableTime.of(at) + "#" + userId + "#" + badge.id())
                .with("type", "award")
                .with("id", awardId(userId, badge.id()))
                .with("badgeId", badge.id())
                .with("badgeName", badge.name())
                .with("userId", userId)
                .with("awardedAt", at)
                .with("credential", credential)));
        if (badge.pointReward() > 0) {
            // '#' cannot start an activity id the CRM sends (ids start with a letter or digit), so a
            // reward's ledger entry can never be taken first by an activity of the same name.
            Entry reward = new Entry(workspaceId, "#badge#" + badge.id() + "#" + userId, userId, null, badge.id(), at,
                    null, null, null, 0, badge.pointReward(), 0, at);
            writes.add(Transactions.putNew(table, DynamoPointsLedger.ledgerItem(reward)));
            // A reward that would take the total past its ceiling fails the condition: no award then.
            writes.add(DynamoPointsLedger.addToTotal(table, workspaceId, userId, null, badge.pointReward()));
        }
        return WorkspaceGate.commitUnlessConditionFails(dynamo, table, workspaceId, writes);
    }

    @Override
    public java.util.Set<String> awardedBadgeIds(String workspaceId, String userId) {
        return dynamo.queryPaginator(r -> r.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :p and begins_with(sk, :s)")
                        .projectionExpression("badgeId")
                        .expressionAttributeValues(Map.of(":p", s(TableKeys.workspace(workspaceId)), ":s", s(awardKey(userId, "")))))
                .items().stream().map(i -> i.get("badgeId").s()).collect(java.util.stream.Collectors.toSet());
    }

    @Override
    public Optional<Award> findAward(String workspaceId, String userId, String badgeId) {
        return Item.read(dynamo, table, Item.key(TableKeys.workspace(workspaceId), awardKey(userId, badgeId)))
                .map(award -> new Award(award.string("id"), award.string("badgeId"), award.string("badgeName"),
                        award.string("userId"), award.instant("awardedAt")));
    }

    @Override
    public Optional<String> findCredential(String workspaceId, String userId, String badgeId) {
        return Item.read(dynamo, table, Item.key(TableKeys.workspace(workspaceId), awardKey(userId, badgeId)))
                .flatMap(award -> award.optionalString("credential"));
    }

    @Override
    public Page<Award> awards(String workspaceId, Optional<String> userId, PageRequest page) {
        QueryResponse response;
        if (userId.isPresent()) {
            String partition = TableKeys.workspace(workspaceId);
            String prefix = awardKey(userId.get(), "");
            response = dynamo.query(r -> {
                r.tableName(table).limit(page.limit()).consistentRead(true)
                        .keyConditionExpression("pk = :p and begins_with(sk, :s)")
                        .expressionAttributeValues(Map.of(":p", s(partition), ":s", s(prefix)));
                page.cursor().map(c -> Cursor.decodeTableKey(c, partition, prefix)).ifPresent(r::exclusiveStartKey);
            });
        } else {
            String index = "WS#" + workspaceId + "#AWARDS";
            response = dynamo.query(r -> {
                r.tableName(table).indexName(TableKeys.GSI1).limit(page.limit()).scanIndexForward(false)
                        .keyConditionExpression("gsi1pk = :p")
                        .expressionAttributeValues(Map.of(":p", s(index)));
                page.cursor().map(c -> Cursor.decodeIndexKey(c, TableKeys.workspace(workspaceId), index, "AWARD#"))
                        .ifPresent(r::exclusiveStartKey);
            });
        }
        return new Page<>(response.items().stream().map(i -> {
            Item item = Item.from(i);
            return new Award(item.string("id"), item.string("badgeId"), item.string("badgeName"), item.string("userId"),
                    item.instant("awardedAt"));
        }).toList(), Cursor.encode(response.lastEvaluatedKey()));
    }

    private static String awardKey(String userId, String badgeId) {
        return "AWARD#" + userId + "#" + badgeId;
    }

    private static String awardId(String userId, String badgeId) {
        return "award-" + userId + "-" + badgeId;
    }

    /** Package-visible so that the export's row mapping is tested against this very layout. */
    public static Item toItem(String workspaceId, Badge badge) {
        Item item = Item.of(TableKeys.workspace(workspaceId), "BADGE#" + badge.id())
                .with("type", "badge").with("id", badge.id()).with("name", badge.name())
                .with("description", badge.description()).with("narrative", badge.narrative())
                .with("pointReward", badge.pointReward())
                .with("imageType", badge.imageType());
        if (badge.criterion() instanceof Criterion.ActivityCount count) {
            item.with("criterionKind", "activityCount").with("activityType", count.type().name()).with("atLeast", count.atLeast());
        } else if (badge.criterion() instanceof Criterion.PointsTotal total) {
            item.with("criterionKind", "pointsTotal").with("atLeast", total.atLeast());
        }
        return item;
    }

    private static Badge fromItem(Item item) {
        Criterion criterion = "activityCount".equals(item.string("criterionKind"))
                ? new Criterion.ActivityCount(ActivityType.valueOf(item.string("activityType")), item.number("atLeast"))
                : new Criterion.PointsTotal(item.number("atLeast"));
        return new Badge(item.string("id"), item.string("name"), item.string("description"), item.string("narrative"),
                criterion, item.number("pointReward"), true, item.string("imageType"));
    }
}
