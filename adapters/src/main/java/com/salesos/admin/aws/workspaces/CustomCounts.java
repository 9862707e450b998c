package com.salesos.admin.aws.workspaces;

import com.salesos.admin.aws.table.Item;
import com.salesos.admin.aws.table.TableKeys;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * How many custom badges and custom roles a workspace has, kept on its workspace item and moved
 * in the same transaction that creates or deletes one, so the domain's cap holds under concurrent
 * requests. Counting the list and then writing lets every request that counted 99 write the 100th.
 * {@link WorkspaceGate} adds the workspace's own condition to these steps, as to any step on the
 * workspace item.
 */
public final class CustomCounts {

    public static final String BADGES = "customBadges";
    public static final String ROLES = "customRoles";

    private CustomCounts() {
    }

    /** One more, refused (a failed condition) when the workspace already has {@code max}. */
    public static TransactWriteItem addOne(String table, String workspaceId, String counter, int max) {
        return TransactWriteItem.builder().update(u -> u.tableName(table).key(key(workspaceId))
                .updateExpression("ADD #c :one")
                .conditionExpression("attribute_not_exists(#c) OR #c < :max")
                .expressionAttributeNames(Map.of("#c", counter))
                .expressionAttributeValues(Map.of(":one", Item.n(1), ":max", Item.n(max)))).build();
    }

    public static TransactWriteItem removeOne(String table, String workspaceId, String counter) {
        return TransactWriteItem.builder().update(u -> u.tableName(table).key(key(workspaceId))
                .updateExpression("ADD #c :minus")
                .expressionAttributeNames(Map.of("#c", counter))
                .expressionAttributeValues(Map.of(":minus", Item.n(-1)))).build();
    }

    private static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> key(String workspaceId) {
        return Item.key(TableKeys.workspace(workspaceId), TableKeys.WORKSPACE_SK);
    }
}
