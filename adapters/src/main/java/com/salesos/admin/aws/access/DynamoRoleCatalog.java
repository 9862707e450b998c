package com.salesos.admin.aws.access;

import com.salesos.admin.aws.table.Item;
import com.salesos.admin.aws.table.TableKeys;
import com.salesos.admin.access.BuiltInRoles;
import com.salesos.admin.access.Permission;
import com.salesos.admin.access.Role;
import com.salesos.admin.access.RoleCatalog;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Built-in roles from code, custom roles from the workspace's partition, read strongly consistently. */
public final class DynamoRoleCatalog implements RoleCatalog {

    /** Role ids follow the id pattern (at most 128 characters); names are at most 50. */
    private static final int MAX_REFERENCE_LENGTH = 128;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoRoleCatalog(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Role> find(String workspaceId, String reference) {
        Optional<Role> builtIn = BuiltInRoles.find(reference);
        if (builtIn.isPresent()) {
            return builtIn;
        }
        if (reference.isBlank() || reference.trim().length() > MAX_REFERENCE_LENGTH) {
            // No role id or name is this long; never let it reach a key (DynamoDB refuses keys over 1 KB).
            return Optional.empty();
        }
        // Strongly consistent: a role's permissions decide access, and a change must hold at once.
        Map<String, AttributeValue> byId = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Item.key(TableKeys.workspace(workspaceId), TableKeys.role(reference.trim())))).item();
        if (byId != null && !byId.isEmpty()) {
            return Optional.of(fromItem(byId));
        }
        String wanted = reference.trim().toLowerCase(Locale.ROOT);
        return dynamo.queryPaginator(r -> r.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :p and begins_with(sk, :s)")
                        .expressionAttributeValues(Map.of(":p", Item.s(TableKeys.workspace(workspaceId)),
                                ":s", Item.s(TableKeys.role("")))))
                .items().stream()
                .map(DynamoRoleCatalog::fromItem)
                .filter(role -> role.name().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }

    public static Role fromItem(Map<String, AttributeValue> item) {
        List<String> codes = item.containsKey("permissions") ? item.get("permissions").ss() : List.of();
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        codes.forEach(code -> Permission.fromCode(code).ifPresent(permissions::add));
        return new Role(item.get("id").s(), item.get("name").s(), permissions, false);
    }
}
