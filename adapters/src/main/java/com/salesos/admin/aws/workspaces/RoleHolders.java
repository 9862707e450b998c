package com.salesos.admin.aws.workspaces;

import com.salesos.admin.aws.table.Item;
import com.salesos.admin.aws.table.TableKeys;
import com.salesos.admin.access.BuiltInRoles;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * How many users and pending invitations hold each custom role, on the role's item. Holding
 * requires the role to exist (so nobody lands in a role deleted at the same moment), and a role is
 * deleted only while its count is zero.
 */
public final class RoleHolders {

    private final String table;

    public RoleHolders(String table) {
        this.table = table;
    }

    public Optional<TransactWriteItem> hold(String workspaceId, String roleId) {
        return change(workspaceId, roleId, 1);
    }

    public Optional<TransactWriteItem> release(String workspaceId, String roleId) {
        return change(workspaceId, roleId, -1);
    }

    private Optional<TransactWriteItem> change(String workspaceId, String roleId, long delta) {
        if (BuiltInRoles.find(roleId).filter(r -> r.id().equals(roleId)).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(Item.key(TableKeys.workspace(workspaceId), TableKeys.role(roleId)))
                .updateExpression("ADD holders :d")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(Map.of(":d", Item.n(delta)))).build());
    }
}
