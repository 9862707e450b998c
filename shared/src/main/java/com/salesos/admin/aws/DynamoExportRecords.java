package com.salesos.admin.aws;

import static com.salesos.admin.aws.Item.s;

import com.salesos.admin.exports.ExportEntity;
import com.salesos.admin.exports.ExportRecords;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * A workspace's records of one entity, read with the partition's sort-key prefix ({@code DEAL#},
 * {@code LEAD#}, {@code USER#}, {@code ACTIVITY#}) one DynamoDB page (up to 1 MB) at a time. A
 * record's position is its sort key, so a later invocation can resume right after any record.
 */
public final class DynamoExportRecords implements ExportRecords {

    /** Columns whose attribute has another name in the store. */
    private static final Map<String, String> ATTRIBUTES = Map.of("role", "roleId");

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoExportRecords(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public RecordPage page(String workspaceId, ExportEntity entity, Optional<String> after) {
        String partition = TableKeys.workspace(workspaceId);
        String prefix = prefix(entity);
        QueryResponse response = dynamo.query(r -> {
            r.tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :p and begins_with(sk, :s)")
                    .expressionAttributeValues(Map.of(":p", s(partition), ":s", s(prefix)));
            after.filter(position -> position.startsWith(prefix))
                    .ifPresent(position -> r.exclusiveStartKey(Item.key(partition, position)));
        });
        List<ExportRecord> records = new ArrayList<>(response.items().size());
        for (Map<String, AttributeValue> item : response.items()) {
            List<String> values = new ArrayList<>(entity.columns().size());
            for (String column : entity.columns()) {
                values.add(text(item.get(ATTRIBUTES.getOrDefault(column, column))));
            }
            records.add(new ExportRecord(item.get(TableKeys.SK).s(), values));
        }
        return new RecordPage(records, !response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty());
    }

    private static String prefix(ExportEntity entity) {
        switch (entity) {
            case DEALS: return "DEAL#";
            case LEADS: return "LEAD#";
            case USERS: return TableKeys.user("");
            case ACTIVITIES: return "ACTIVITY#";
            default: throw new IllegalArgumentException(entity.name());
        }
    }

    /** Strings as they are, numbers as written, booleans as true/false; anything absent is an empty cell. */
    private static String text(AttributeValue value) {
        if (value == null) {
            return null;
        }
        if (value.s() != null) {
            return value.s();
        }
        if (value.n() != null) {
            return value.n();
        }
        if (value.bool() != null) {
            return value.bool().toString();
        }
        return null;
    }
}
