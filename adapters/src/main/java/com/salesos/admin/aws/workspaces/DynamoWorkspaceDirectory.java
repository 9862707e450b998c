package com.salesos.admin.aws.workspaces;

import com.salesos.admin.aws.table.Cursor;
import com.salesos.admin.aws.table.Item;
import com.salesos.admin.aws.table.TableKeys;
import com.salesos.admin.common.Page;
import com.salesos.admin.common.PageRequest;
import com.salesos.admin.workspaces.WorkspaceDirectory;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

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

    /** Support's directory entry is the tombstone a finished deletion leaves (DynamoDeletionRequests.finish). */
    @Override
    public boolean deleted(String workspaceId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                .key(Item.key(TableKeys.WORKSPACE_DIRECTORY, TableKeys.directoryEntry(workspaceId)))
                .projectionExpression("#s").expressionAttributeNames(Map.of("#s", "state"))).item();
        return item != null && item.get("state") != null && "deleted".equals(item.get("state").s());
    }

    @Override
    public java.util.List<Team> teams(String workspaceId) {
        return dynamo.queryPaginator(r -> r.tableName(table)
                        .keyConditionExpression("pk = :p and begins_with(sk, :s)")
                        .expressionAttributeValues(Map.of(":p", Item.s(TableKeys.workspace(workspaceId)),
                                ":s", Item.s(TableKeys.team("")))))
                .items().stream().map(i -> new Team(i.get("id").s(), i.get("name").s())).toList();
    }

    @Override
    public Page<Team> teams(String workspaceId, PageRequest page) {
        String partition = TableKeys.workspace(workspaceId);
        QueryResponse response = dynamo.query(r -> {
            r.tableName(table).limit(page.limit())
                    .keyConditionExpression("pk = :p and begins_with(sk, :s)")
                    .expressionAttributeValues(Map.of(":p", Item.s(partition), ":s", Item.s(TableKeys.team(""))));
            page.cursor().map(c -> Cursor.decodeTableKey(c, partition, TableKeys.team(""))).ifPresent(r::exclusiveStartKey);
        });
        return new Page<>(response.items().stream().map(i -> new Team(i.get("id").s(), i.get("name").s())).toList(),
                Cursor.encode(response.lastEvaluatedKey()));
    }

    @Override
    public boolean teamExists(String workspaceId, String teamId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                .key(Item.key(TableKeys.workspace(workspaceId), TableKeys.team(teamId)))).item();
        return item != null && !item.isEmpty();
    }
}
