package com.salesos.admin.aws.users;

import static com.salesos.admin.aws.table.Item.s;

import com.salesos.admin.access.UserStatus;
import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.aws.audit.DynamoAuditLog;
import com.salesos.admin.aws.table.Item;
import com.salesos.admin.aws.table.Steps;
import com.salesos.admin.aws.table.TableKeys;
import com.salesos.admin.aws.table.Transactions;
import com.salesos.admin.aws.workspaces.WorkspaceGate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * One transaction that moves deals between owners: each deal conditioned on still having the
 * source owner, a check that the receiver is still an active user, the audit record of the deals
 * moved, and any further steps the caller commits with them (a job's count and checkpoint). A deal
 * whose condition fails (moved meanwhile, owned by someone else, no such deal) is left out and the
 * rest is committed again, so every deal that can move does, exactly once, and nothing else. The
 * workspace's condition ({@link WorkspaceGate}) rides in the item kept free for it, so no deal moves
 * while the workspace is being deleted.
 */
final class DealMoves {

    /** Items a move's transaction may use: DynamoDB accepts 100, one is kept for the workspace's condition. */
    static final int TRANSACTION_ITEMS = 99;

    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoAuditLog auditLog;

    DealMoves(DynamoDbClient dynamo, String table, DynamoAuditLog auditLog) {
        this.dynamo = dynamo;
        this.table = table;
        this.auditLog = auditLog;
    }

    sealed interface Result {
        record Committed(List<String> moved) implements Result {
        }

        record ReceiverInactive() implements Result {
        }

        /** The caller's step at this index refused (its condition failed); nothing was committed. */
        record StepRefused(int step) implements Result {
        }
    }

    /**
     * Commits the moves of those {@code dealIds} still owned by {@code from}, with the caller's
     * {@code stepsFor} the number of deals in the attempt. Without deals left to move, commits the
     * steps alone (nothing if there are none).
     */
    Result commit(String workspaceId, List<String> dealIds, String from, String to, AuditEvent audit,
                  IntFunction<List<TransactWriteItem>> stepsFor) {
        List<String> remaining = new ArrayList<>(dealIds);
        while (true) {
            List<TransactWriteItem> steps = stepsFor.apply(remaining.size());
            if (dealIds.size() + steps.size() + 2 > TRANSACTION_ITEMS) {
                throw new IllegalArgumentException(dealIds.size() + " deals and " + steps.size() + " steps exceed a transaction");
            }
            if (remaining.isEmpty() && steps.isEmpty()) {
                return new Result.Committed(List.of());
            }
            Steps transaction = new Steps();
            for (int i = 0; i < remaining.size(); i++) {
                transaction.add("deal:" + i, move(workspaceId, remaining.get(i), from, to));
            }
            for (int i = 0; i < steps.size(); i++) {
                transaction.add("step:" + i, steps.get(i));
            }
            if (!remaining.isEmpty()) {
                transaction.add("receiver", receiverActive(workspaceId, to));
                transaction.add("audit", auditLog.append(withMoved(audit, remaining)));
            }
            try {
                WorkspaceGate.commit(dynamo, table, workspaceId, transaction.items());
                return new Result.Committed(List.copyOf(remaining));
            } catch (TransactionCanceledException e) {
                var reasons = e.cancellationReasons();
                if (!Transactions.anyConditionFailed(reasons)) {
                    throw e;
                }
                if (transaction.failed(reasons, "receiver")) {
                    return new Result.ReceiverInactive();
                }
                for (int i = 0; i < steps.size(); i++) {
                    if (transaction.failed(reasons, "step:" + i)) {
                        return new Result.StepRefused(i);
                    }
                }
                List<String> still = new ArrayList<>();
                for (int i = 0; i < remaining.size(); i++) {
                    if (!transaction.failed(reasons, "deal:" + i)) {
                        still.add(remaining.get(i));
                    }
                }
                if (still.size() == remaining.size()) {
                    throw e; // a condition failed that is none of ours: never loop on it
                }
                remaining = still;
            }
        }
    }

    private TransactWriteItem move(String workspaceId, String dealId, String from, String to) {
        return TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(Item.key(TableKeys.workspace(workspaceId), "DEAL#" + dealId))
                .updateExpression("SET #owner = :to")
                .conditionExpression("#owner = :from")
                .expressionAttributeNames(Map.of("#owner", TableKeys.OWNER))
                .expressionAttributeValues(Map.of(":from", s(from), ":to", s(to)))).build();
    }

    /** The receiver must still be an active user of the workspace when the deals land with them. */
    private TransactWriteItem receiverActive(String workspaceId, String to) {
        return TransactWriteItem.builder().conditionCheck(c -> c.tableName(table)
                .key(Item.key(TableKeys.workspace(workspaceId), TableKeys.user(to)))
                .conditionExpression("#st = :active")
                .expressionAttributeNames(Map.of("#st", "status"))
                .expressionAttributeValues(Map.of(":active", s(UserStatus.ACTIVE.name())))).build();
    }

    private static AuditEvent withMoved(AuditEvent audit, List<String> dealIds) {
        Map<String, Object> after = new HashMap<>(audit.after());
        after.put("count", dealIds.size());
        after.put("dealIds", List.copyOf(dealIds));
        return new AuditEvent(audit.workspaceId(), audit.actorUserId(), audit.action(), audit.targetType(),
                audit.targetId(), audit.at(), audit.before(), after);
    }
}
