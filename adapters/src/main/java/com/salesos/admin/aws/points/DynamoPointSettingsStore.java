package com.salesos.admin.aws.points;

import com.salesos.admin.aws.audit.DynamoAuditLog;
import com.salesos.admin.aws.table.Item;
import com.salesos.admin.aws.table.TableKeys;
import com.salesos.admin.aws.table.Transactions;
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

    @Override
    public PointSettings inForceAt(String workspaceId, Instant at) {
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
                auditLog.append(audit));
        return Transactions.commitUnlessConditionFails(dynamo, writes);
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
