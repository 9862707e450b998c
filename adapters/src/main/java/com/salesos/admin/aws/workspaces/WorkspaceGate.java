package com.salesos.admin.aws.workspaces;

import com.salesos.admin.aws.table.Item;
import com.salesos.admin.aws.table.TableKeys;
import com.salesos.admin.aws.table.Transactions;
import com.salesos.admin.workspaces.WorkspaceLock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The store's half of "read-only while a deletion is confirmed or running" ({@link WorkspaceLock}):
 * every write to a workspace commits in one transaction with a condition on its workspace item,
 * "the workspace exists and carries no deletion lock". A transaction that already touches the
 * workspace item (the counters of {@link CounterSteps}, the subscription) gets the condition added
 * to that step, since a transaction may touch an item once; any other gets a condition check on the
 * item. The deletion request's confirmation sets the lock on the same item, so DynamoDB orders the
 * two: a write either commits before the confirmation or is refused, whatever the access filter saw
 * a moment earlier. After the purge the workspace item is gone, so a late write cannot recreate
 * anything either.
 */
public final class WorkspaceGate {

    /** On the workspace item: the id of the deletion request that makes the workspace read-only. */
    public static final String LOCK = "deletionLock";
    static final String OPEN = "attribute_exists(pk) AND attribute_not_exists(" + LOCK + ")";
    /** TransactWriteItems' limit. */
    static final int MAX_TRANSACTION = 100;

    private WorkspaceGate() {
    }

    /** The writes with the gate's condition on the workspace item, and where it is (for reading cancellation reasons). */
    public record Gated(List<TransactWriteItem> writes, int gate) {
    }

    public static Gated gated(String table, String workspaceId, List<TransactWriteItem> writes) {
        Map<String, AttributeValue> key = key(workspaceId);
        List<TransactWriteItem> all = new ArrayList<>(writes);
        for (int i = 0; i < all.size(); i++) {
            TransactWriteItem write = all.get(i);
            if (write.update() != null && key.equals(write.update().key())) {
                String condition = write.update().conditionExpression();
                all.set(i, write.toBuilder().update(write.update().toBuilder().conditionExpression(and(condition)).build()).build());
                return new Gated(List.copyOf(all), i);
            }
            if (write.conditionCheck() != null && key.equals(write.conditionCheck().key())) {
                String condition = write.conditionCheck().conditionExpression();
                all.set(i, write.toBuilder().conditionCheck(write.conditionCheck().toBuilder()
                        .conditionExpression(and(condition)).build()).build());
                return new Gated(List.copyOf(all), i);
            }
            if ((write.put() != null && key.equals(Item.key(write.put().item().get(TableKeys.PK).s(),
                    write.put().item().get(TableKeys.SK).s()))) || (write.delete() != null && key.equals(write.delete().key()))) {
                throw new IllegalArgumentException("A workspace write does not put or delete the workspace item itself");
            }
        }
        if (all.size() >= MAX_TRANSACTION) {
            throw new IllegalArgumentException("No room for the workspace's condition in a transaction of " + all.size());
        }
        all.add(TransactWriteItem.builder().conditionCheck(c -> c.tableName(table).key(key).conditionExpression(OPEN)).build());
        return new Gated(List.copyOf(all), all.size() - 1);
    }

    /**
     * Commits the writes while the workspace is writable.
     *
     * @throws com.salesos.admin.problems.DomainException the workspace's lock refusal, when that is what cancelled it
     * @throws TransactionCanceledException for any other cancellation, as the caller's own conditions explain it
     */
    public static void commit(DynamoDbClient dynamo, String table, String workspaceId, List<TransactWriteItem> writes) {
        Gated gated = gated(table, workspaceId, writes);
        try {
            dynamo.transactWriteItems(r -> r.transactItems(gated.writes()));
        } catch (TransactionCanceledException e) {
            lockThatRefused(dynamo, table, workspaceId, gated, e).ifPresent(requestId -> {
                throw WorkspaceLock.refusal(requestId);
            });
            throw e;
        }
    }

    /** As {@link Transactions#commitUnlessConditionFails}, except that the lock's refusal is thrown. */
    public static boolean commitUnlessConditionFails(DynamoDbClient dynamo, String table, String workspaceId,
                                                     List<TransactWriteItem> writes) {
        try {
            commit(dynamo, table, workspaceId, writes);
            return true;
        } catch (TransactionCanceledException e) {
            if (Transactions.anyConditionFailed(e.cancellationReasons())) {
                return false;
            }
            throw e;
        }
    }

    /**
     * The deletion request whose lock cancelled the transaction, if that is what did: the gate's
     * step failed its condition and the workspace item (read strongly now) carries a lock. A
     * workspace step that also guards counters may have failed for those instead; then the lock is
     * absent and the caller's own reading applies.
     */
    public static Optional<String> lockThatRefused(DynamoDbClient dynamo, String table, String workspaceId, Gated gated,
                                                   TransactionCanceledException e) {
        if (!Transactions.failedCondition(e.cancellationReasons(), gated.gate())) {
            return Optional.empty();
        }
        return lockOf(dynamo, table, workspaceId);
    }

    /** The deletion request that makes the workspace read-only, if any (a strongly consistent read of its item). */
    public static Optional<String> lockOf(DynamoDbClient dynamo, String table, String workspaceId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(key(workspaceId)).consistentRead(true)
                .projectionExpression(LOCK)).item();
        return item == null || item.get(LOCK) == null ? Optional.empty() : Optional.ofNullable(item.get(LOCK).s());
    }

    private static Map<String, AttributeValue> key(String workspaceId) {
        return Item.key(TableKeys.workspace(workspaceId), TableKeys.WORKSPACE_SK);
    }

    private static String and(String condition) {
        return condition == null || condition.isBlank() ? OPEN : "(" + condition + ") AND " + OPEN;
    }
}
