package com.salesos.admin.aws.access;

import com.salesos.admin.aws.table.Item;
import com.salesos.admin.aws.table.TableKeys;
import com.salesos.admin.aws.users.DynamoUsers;
import com.salesos.admin.access.Caller;
import com.salesos.admin.access.CallerDirectory;
import com.salesos.admin.access.Role;
import com.salesos.admin.access.RoleCatalog;
import com.salesos.admin.users.User;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Resolves a signed-in subject to the workspace user as stored right now (strongly consistent
 * reads), so a role change or a deactivation applies to the very next request.
 */
public final class DynamoCallerDirectory implements CallerDirectory {

    private final DynamoDbClient dynamo;
    private final String table;
    private final RoleCatalog roles;

    public DynamoCallerDirectory(DynamoDbClient dynamo, String table, RoleCatalog roles) {
        this.dynamo = dynamo;
        this.table = table;
        this.roles = roles;
    }

    @Override
    public Optional<Caller> findBySubject(String subject) {
        Map<String, AttributeValue> principal = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Item.key(TableKeys.subject(subject), TableKeys.PRINCIPAL_SK))).item();
        if (principal == null || principal.isEmpty()) {
            return Optional.empty();
        }
        String workspaceId = principal.get("workspaceId").s();
        Map<String, AttributeValue> userItem = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Item.key(TableKeys.workspace(workspaceId), TableKeys.user(principal.get("userId").s())))).item();
        if (userItem == null || userItem.isEmpty()) {
            return Optional.empty();
        }
        User user = DynamoUsers.fromItem(Item.from(userItem));
        // A role deleted under a user leaves them with no permissions rather than failing the request.
        Role role = roles.find(workspaceId, user.roleId()).orElseGet(() -> Role.deleted(user.roleId()));
        return Optional.of(new Caller(workspaceId, user.id(), user.email().value(), user.name(), user.teamId(), role, user.status()));
    }
}
