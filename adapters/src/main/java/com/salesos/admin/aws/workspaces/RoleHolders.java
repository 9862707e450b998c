package com.salesos.admin.aws.workspaces;

import com.salesos.admin.access.RoleHolding;
import com.salesos.admin.aws.table.Item;
import com.salesos.admin.aws.table.TableKeys;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Writes a domain {@link RoleHolding} on the role's item: the count moves by the holding's delta,
 * on condition that the role item exists, so nobody lands in a role deleted at the same moment
 * (the role store deletes a role only while its count is zero).
 */
public final class RoleHolders {

    private RoleHolders() {
    }

    /** The step, or empty when the role is not counted (a built-in role). */
    public static Optional<TransactWriteItem> step(String table, String workspaceId, Optional<RoleHolding> holding) {
        return holding.map(h -> TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(Item.key(TableKeys.workspace(workspaceId), TableKeys.role(h.roleId())))
                .updateExpression("ADD holders :d")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(Map.of(":d", Item.n(h.delta())))).build());
    }
}
