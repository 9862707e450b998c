package com.salesos.admin.aws.points;

import com.salesos.admin.aws.audit.DynamoAuditLog;
import com.salesos.admin.aws.table.Item;
import com.salesos.admin.aws.table.SortableTime;
import com.salesos.admin.aws.table.TableKeys;
import com.salesos.admin.aws.table.Transactions;
import com.salesos.admin.aws.workspaces.WorkspaceGate;
import static com.salesos.admin.aws.table.Item.s;

import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.points.ActivityType;
import com.salesos.admin.points.PointSettings;
import com.salesos.admin.points.PointSettingsStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Versions are immutable {@code POINTSETTINGS#<version>} items; the workspace item's
 * {@code pointSettingsVersion} is the optimistic lock a new version must match.
 */
public final class DynamoPointSettingsStore implements PointSettingsStore {

    public static final String PREFIX = "POINTSETTINGS#";
    /** A copy of each version keyed by when it takes effect; a prefix of its own, so history and exports never see it. */
    public static final String TIMELINE = "POINTSFROM#";

    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoAuditLog auditLog;

    public DynamoPointSettingsStore(DynamoDbClient dynamo, String table, DynamoAuditLog auditLog) {
        this.dynamo = dynamo;
        this.table = table;
        this.auditLog = auditLog;
    }

    @Override
    public PointSettings current(String workspaceId) {
        return versions(workspaceId, false, 1).stream().findFirst().orElseGet(PointSettings::defaults);
    }

    /**
     * One query on the timeline, newest first, Limit 1: one read unit however long the history is.
     * Nothing on the timeline at or before {@code at} means either defaults or versions saved before
     * the timeline existed; only then are the versions themselves read.
     */
    @Override
    public PointSettings inForceAt(String workspaceId, Instant at) {
        List<Map<String, AttributeValue>> latest = dynamo.query(r -> r.tableName(table).consistentRead(true)
                .scanIndexForward(false).limit(1)
                .keyConditionExpression("pk = :p and sk BETWEEN :first AND :at")
                .expressionAttributeValues(Map.of(":p", s(TableKeys.workspace(workspaceId)),
                        ":first", s(TIMELINE), ":at", s(TIMELINE + SortableTime.of(at) + "#~")))).items();
        if (!latest.isEmpty()) {
            return fromItem(latest.get(0));
        }
        return versions(workspaceId, false, 0).stream().filter(v -> !v.effectiveFrom().isAfter(at)).findFirst()
                .orElseGet(PointSettings::defaults);
    }

    @Override
    public List<PointSettings> history(String workspaceId) {
        List<PointSettings> all = new ArrayList<>(List.of(PointSettings.defaults()));
        all.addAll(versions(workspaceId, true, 0));
        return all;
    }

    @Override
    public boolean saveNext(String workspaceId, int expectedVersion, PointSettings next, AuditEvent audit) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":next", Item.n(next.version())));
        String condition;
        if (expectedVersion == 0) {
            condition = "attribute_not_exists(pointSettingsVersion)";
        } else {
            condition = "pointSettingsVersion = :expected";
            values.put(":expected", Item.n(expectedVersion));
        }
        Map<String, String> points = new HashMap<>();
        next.pointsByActivityType().forEach((type, value) -> points.put(type.name(), Integer.toString(value)));
        List<TransactWriteItem> writes = List.of(
                TransactWriteItem.builder().update(u -> u.tableName(table)
                        .key(Item.key(TableKeys.workspace(workspaceId), TableKeys.WORKSPACE_SK))
                        .updateExpression("SET pointSettingsVersion = :next")
                        .conditionExpression("attribute_exists(pk) AND (" + condition + ")")
                        .expressionAttributeValues(values)).build(),
                Transactions.putNew(table, Item.of(TableKeys.workspace(workspaceId), key(next.version()))
                        .with("type", "point-settings")
                        .with("version", next.version())
                        .with("effectiveFrom", next.effectiveFrom())
                        .with("valueBonusMultiplier", next.valueBonusMultiplier().toPlainString())
                        .withAll("points", points)),
                Transactions.putNew(table, Item.of(TableKeys.workspace(workspaceId), timelineKey(next))
                        .with("type", "point-settings-timeline")
                        .with("version", next.version())
                        .with("effectiveFrom", next.effectiveFrom())
                        .with("valueBonusMultiplier", next.valueBonusMultiplier().toPlainString())
                        .withAll("points", points)),
                auditLog.append(audit));
        return WorkspaceGate.commitUnlessConditionFails(dynamo, table, workspaceId, writes);
    }

    private List<PointSettings> versions(String workspaceId, boolean oldestFirst, int limit) {
        var request = software.amazon.awssdk.services.dynamodb.model.QueryRequest.builder().tableName(table)
                .consistentRead(true).scanIndexForward(oldestFirst)
                .keyConditionExpression("pk = :p and begins_with(sk, :s)")
                .expressionAttributeValues(Map.of(":p", s(TableKeys.workspace(workspaceId)), ":s", s(PREFIX)));
        if (limit > 0) {
            return dynamo.query(request.limit(limit).build()).items().stream().map(DynamoPointSettingsStore::fromItem).toList();
        }
        return dynamo.queryPaginator(request.build()).items().stream().map(DynamoPointSettingsStore::fromItem).toList();
    }

    /** Sorted by the time a version takes effect, so the version in force is the last one at or before a time. */
    private static String timelineKey(PointSettings version) {
        return TIMELINE + SortableTime.of(version.effectiveFrom()) + "#" + String.format("%08d", version.version());
    }

    private static String key(int version) {
        return PREFIX + String.format("%08d", version);
    }

    private static PointSettings fromItem(Map<String, AttributeValue> values) {
        Item item = Item.from(values);
        Map<ActivityType, Integer> points = new EnumMap<>(ActivityType.class);
        values.get("points").m().forEach((name, value) ->
                ActivityType.of(name).ifPresent(type -> points.put(type, Integer.parseInt(value.s()))));
        return new PointSettings((int) item.number("version"), item.instant("effectiveFrom"), points,
                new BigDecimal(item.string("valueBonusMultiplier")));
    }
}
