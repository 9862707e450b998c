package com.salesos.admin.aws.table;

import com.salesos.admin.common.IdempotencyKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * What a creating request with an {@code Idempotency-Key} made: an item claimed ("must not
 * exist") in the same transaction as the creation, so a retry finds it and gets the same resource.
 */
public final class IdempotencyRecords {

    /** Clients retry within minutes; after a day the key may be reused (TTL removes the item). */
    public static final Duration WINDOW = Duration.ofHours(24);

    private IdempotencyRecords() {
    }

    public static TransactWriteItem claim(String table, String workspaceId, IdempotencyKey key, String resourceId, Instant at) {
        return Transactions.putNew(table, Item.of(TableKeys.workspace(workspaceId), TableKeys.idempotency(key.callerUserId(), key.scope(), key.key()))
                .with("fingerprint", key.fingerprint())
                .with("resourceId", resourceId)
                .with("createdAt", at)
                .with("ttl", at.plus(WINDOW).getEpochSecond()));
    }

    public static IdempotencyKey.Replay replay(DynamoDbClient dynamo, String table, String workspaceId, IdempotencyKey key) {
        Item previous = Item.read(dynamo, table, key(workspaceId, key)).orElseThrow();
        return new IdempotencyKey.Replay(previous.string("resourceId"), key.fingerprint().equals(previous.string("fingerprint")));
    }

    /** Removes the record of a creation that was undone, so the key can be used again. */
    public static TransactWriteItem forget(String table, String workspaceId, IdempotencyKey key) {
        return TransactWriteItem.builder().delete(d -> d.tableName(table).key(key(workspaceId, key))).build();
    }

    private static Map<String, AttributeValue> key(String workspaceId, IdempotencyKey key) {
        return Item.key(TableKeys.workspace(workspaceId), TableKeys.idempotency(key.callerUserId(), key.scope(), key.key()));
    }
}
