package com.salesos.admin.aws;

import com.salesos.admin.workspaces.WorkspaceDirectory;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

public final class DynamoWorkspaceDirectory implements WorkspaceDirectory {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoWorkspaceDirectory(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<String> name(String workspaceId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                .key(Item.key(TableKeys.workspace(workspaceId), TableKeys.WORKSPACE_SK))
                .projectionExpression("#n").expressionAttributeNames(Map.of("#n", "name"))).item();
        return Optional.ofNullable(item).map(i -> i.get("name")).map(AttributeValue::s);
    }

    @Override
    public boolean teamExists(String workspaceId, String teamId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                .key(Item.key(TableKeys.workspace(workspaceId), TableKeys.team(teamId)))).item();
        return item != null && !item.isEmpty();
    }
}
