package com.salesos.admin.aws.table;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Small vocabulary for DynamoDB transactions and reading why one was cancelled. */
public final class Transactions {

    private static final String CONDITION_FAILED = "ConditionalCheckFailed";

    private Transactions() {
    }

    /** Puts an item that must not exist yet. */
    public static TransactWriteItem putNew(String table, Item item) {
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item.values())
                .conditionExpression("attribute_not_exists(pk)")).build();
    }

    /** Deletes an item that must still exist (so a second delete fails the transaction). */
    public static TransactWriteItem delete(String table, Map<String, AttributeValue> key) {
        return TransactWriteItem.builder().delete(d -> d.tableName(table).key(key)
                .conditionExpression("attribute_exists(pk)")).build();
    }

    public static boolean failedCondition(List<CancellationReason> reasons, int index) {
        return reasons != null && index < reasons.size() && CONDITION_FAILED.equals(reasons.get(index).code());
    }

    public static boolean anyConditionFailed(List<CancellationReason> reasons) {
        return reasons != null && reasons.stream().anyMatch(r -> CONDITION_FAILED.equals(r.code()));
    }

    /** Commits; answers false when a condition failed (the state moved on), rethrows anything else. */
    public static boolean commitUnlessConditionFails(DynamoDbClient dynamo, List<TransactWriteItem> writes) {
        try {
            dynamo.transactWriteItems(r -> r.transactItems(writes));
            return true;
        } catch (TransactionCanceledException e) {
            if (anyConditionFailed(e.cancellationReasons())) {
                return false;
            }
            throw e;
        }
    }
}
