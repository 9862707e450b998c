package com.salesos.admin.aws.exports;

import com.salesos.admin.aws.points.DynamoPointSettingsStore;
import com.salesos.admin.aws.table.Item;
import com.salesos.admin.aws.table.TableKeys;
import static com.salesos.admin.aws.table.Item.s;

import com.salesos.admin.access.BuiltInRoles;
import com.salesos.admin.access.Role;
import com.salesos.admin.exports.ExportEntity;
import com.salesos.admin.exports.ExportRecords;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * A workspace's records of one entity, read with the entity's partition and sort-key prefix
 * ({@code DEAL#}, {@code INVITATION#}, {@code POINTS#}..., the audit partition) one DynamoDB page
 * (up to 1 MB) at a time, and turned into rows by {@link ExportRows}. A record's position is its
 * sort key, so a later invocation can resume right after any record.
 */
public final class DynamoExportRecords implements ExportRecords {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoExportRecords(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Where an entity's items are: their partition and the sort-key prefix they share (empty: the whole partition). */
    private record Source(String partition, String prefix) {
    }

    @Override
    public RecordPage page(String workspaceId, ExportEntity entity, Optional<String> after) {
        Source source = source(workspaceId, entity);
        QueryResponse response = dynamo.query(r -> {
            // Eventually consistent: half the read units of a strongly consistent page (128 instead of
            // 256 for 1 MB), taken from the same partition the workspace's own API reads. An export is
            // of the data as it was about when it ran; a write in the last second may or may not be in it.
            r.tableName(table).consistentRead(false);
            if (source.prefix().isEmpty()) {
                r.keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", s(source.partition())));
            } else {
                r.keyConditionExpression("pk = :p and begins_with(sk, :s)")
                        .expressionAttributeValues(Map.of(":p", s(source.partition()), ":s", s(source.prefix())));
            }
            after.filter(position -> position.startsWith(source.prefix()))
                    .ifPresent(position -> r.exclusiveStartKey(Item.key(source.partition(), position)));
        });
        // Role names are looked up once per page: bounded memory, and a page sees one name per role.
        Map<String, String> roleNames = new HashMap<>();
        List<ExportRecord> records = new ArrayList<>(response.items().size());
        for (Map<String, AttributeValue> values : response.items()) {
            List<String> row = ExportRows.row(entity, Item.from(values),
                    roleId -> roleNames.computeIfAbsent(roleId, id -> roleName(workspaceId, id)));
            records.add(new ExportRecord(values.get(TableKeys.SK).s(), row));
        }
        return new RecordPage(records, !response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty());
    }

    private static Source source(String workspaceId, ExportEntity entity) {
        String workspace = TableKeys.workspace(workspaceId);
        return switch (entity) {
            case DEALS -> new Source(workspace, "DEAL#");
            case LEADS -> new Source(workspace, "LEAD#");
            case USERS -> new Source(workspace, TableKeys.user(""));
            case ACTIVITIES -> new Source(workspace, "ACTIVITY#");
            case INVITATIONS -> new Source(workspace, TableKeys.invitation(""));
            case ROLES -> new Source(workspace, TableKeys.role(""));
            case TEAMS -> new Source(workspace, TableKeys.team(""));
            // Ledger entries (DynamoPointsLedger): activities posted through the points route and badge rewards.
            case POINTS -> new Source(workspace, "POINTS#");
            // DynamoBadgeStore's awards and custom badges.
            case AWARDS -> new Source(workspace, "AWARD#");
            case BADGES -> new Source(workspace, "BADGE#");
            case POINT_SETTINGS_HISTORY -> new Source(workspace, DynamoPointSettingsStore.PREFIX);
            case AUDIT_LOG -> new Source(TableKeys.audit(workspaceId), "");
        };
    }

    /** A built-in role's name from code, a custom role's from its item; empty when the role is gone. */
    private String roleName(String workspaceId, String roleId) {
        Optional<String> builtIn = BuiltInRoles.ALL.stream().filter(r -> r.id().equals(roleId)).map(Role::name).findFirst();
        if (builtIn.isPresent()) {
            return builtIn.get();
        }
        return Item.read(dynamo, table, Item.key(TableKeys.workspace(workspaceId), TableKeys.role(roleId)))
                .map(role -> role.string("name")).orElse(null);
    }
}
