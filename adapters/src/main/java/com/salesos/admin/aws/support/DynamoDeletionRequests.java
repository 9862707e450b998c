package com.salesos.admin.aws.support;

import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.aws.audit.DynamoAuditLog;
import com.salesos.admin.aws.table.Item;
import com.salesos.admin.aws.table.Steps;
import com.salesos.admin.aws.table.TableKeys;
import com.salesos.admin.aws.table.Transactions;
import com.salesos.admin.support.DeletionRequest;
import com.salesos.admin.support.DeletionRequestStore;
import com.salesos.admin.support.DeletionState;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Deletion requests in the table. The request lives outside the workspace's partitions (it is the
 * tombstone that stays); the workspace's live slot ({@code WS#id / #DELETION_LIVE}) makes "one
 * live request per workspace" a put condition and carries the read-only flag that every write's
 * gate reads. A change is conditional on the stored state and count of wrong names being those
 * the change started from, both of which every transition advances.
 */
public final class DynamoDeletionRequests implements DeletionRequestStore {

    /** On the live slot: true while the request makes the workspace read-only (confirmed or running). */
    private static final String LOCKS = "locksWorkspace";

    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoAuditLog auditLog;

    public DynamoDeletionRequests(DynamoDbClient dynamo, String table, DynamoAuditLog auditLog) {
        this.dynamo = dynamo;
        this.table = table;
        this.auditLog = auditLog;
    }

    @Override
    public Opening open(DeletionRequest request, AuditEvent audit) {
        Steps steps = new Steps()
                .add("live", Transactions.putNew(table, liveSlot(request)))
                .add("request", Transactions.putNew(table, toItem(request)))
                .add("audit", auditLog.append(audit));
        try {
            dynamo.transactWriteItems(r -> r.transactItems(steps.items()));
            return new Opening.Opened();
        } catch (TransactionCanceledException e) {
            if (steps.failed(e.cancellationReasons(), "live")) {
                return new Opening.AlreadyRequested(Item.read(dynamo, table, liveKey(request.workspaceId()))
                        .map(i -> i.string("requestId")).orElse("(finished meanwhile)"));
            }
            throw e;
        }
    }

    @Override
    public Optional<DeletionRequest> find(String requestId) {
        return Item.read(dynamo, table, Item.key(TableKeys.deletion(requestId), TableKeys.DELETION_SK))
                .map(DynamoDeletionRequests::fromItem);
    }

    @Override
    public boolean replace(DeletionRequest current, DeletionRequest next, AuditEvent audit) {
        TransactWriteItem request = TransactWriteItem.builder().put(p -> p.tableName(table).item(toItem(next).values())
                .conditionExpression("#state = :state AND failedConfirmations = :failed")
                .expressionAttributeNames(Map.of("#state", "state"))
                .expressionAttributeValues(Map.of(":state", Item.s(current.state().code()),
                        ":failed", Item.n(current.failedConfirmations())))).build();
        TransactWriteItem live = next.isLive()
                ? TransactWriteItem.builder().put(p -> p.tableName(table).item(liveSlot(next).values())
                        .conditionExpression("requestId = :id")
                        .expressionAttributeValues(Map.of(":id", Item.s(next.id())))).build()
                : TransactWriteItem.builder().delete(d -> d.tableName(table).key(liveKey(next.workspaceId()))
                        .conditionExpression("requestId = :id")
                        .expressionAttributeValues(Map.of(":id", Item.s(next.id())))).build();
        return Transactions.commitUnlessConditionFails(dynamo, java.util.List.of(request, live, auditLog.append(audit)));
    }

    @Override
    public Optional<String> lockOf(String workspaceId) {
        // Names through placeholders: DynamoDB reserves many plain words.
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(liveKey(workspaceId))
                .projectionExpression("#id, #locks")
                .expressionAttributeNames(Map.of("#id", "requestId", "#locks", LOCKS))).item();
        if (item == null || item.isEmpty() || item.get(LOCKS) == null || !Boolean.TRUE.equals(item.get(LOCKS).bool())) {
            return Optional.empty();
        }
        return Optional.of(item.get("requestId").s());
    }

    private Item liveSlot(DeletionRequest request) {
        return Item.of(TableKeys.workspace(request.workspaceId()), TableKeys.DELETION_LIVE_SK)
                .with("type", "deletion-live")
                .with("requestId", request.id())
                .withValue(LOCKS, AttributeValue.fromBool(request.locksWorkspace()));
    }

    private static Map<String, AttributeValue> liveKey(String workspaceId) {
        return Item.key(TableKeys.workspace(workspaceId), TableKeys.DELETION_LIVE_SK);
    }

    static Item toItem(DeletionRequest request) {
        Item item = Item.of(TableKeys.deletion(request.id()), TableKeys.DELETION_SK)
                .with("type", "deletion-request")
                .with("id", request.id())
                .with("workspaceId", request.workspaceId())
                .with("ticket", request.ticket())
                .with("reason", request.reason())
                .with("openedBy", request.openedBy())
                .with("openedAt", request.openedAt())
                .with("state", request.state().code())
                .with("failedConfirmations", request.failedConfirmations());
        DeletionState state = request.state();
        if (state instanceof DeletionState.Confirmed c) {
            item.with("confirmedBy", c.confirmedBy()).with("confirmedAt", c.confirmedAt()).with("executableAt", c.executableAt());
        } else if (state instanceof DeletionState.Running r) {
            item.with("confirmedBy", r.confirmedBy()).with("executedBy", r.executedBy()).with("startedAt", r.startedAt());
        } else if (state instanceof DeletionState.Done d) {
            item.with("finishedAt", d.finishedAt());
        } else if (state instanceof DeletionState.Cancelled c) {
            item.with("cancelledBy", c.cancelledBy()).with("cancelledAt", c.cancelledAt());
        }
        return item;
    }

    static DeletionRequest fromItem(Item item) {
        DeletionState state = switch (item.string("state")) {
            case "open" -> new DeletionState.Open();
            case "confirmed" -> new DeletionState.Confirmed(item.string("confirmedBy"), item.instant("confirmedAt"),
                    item.instant("executableAt"));
            case "running" -> new DeletionState.Running(item.string("confirmedBy"), item.string("executedBy"),
                    item.instant("startedAt"));
            case "done" -> new DeletionState.Done(item.instant("finishedAt"));
            case "cancelled" -> new DeletionState.Cancelled(item.string("cancelledBy"), item.instant("cancelledAt"));
            default -> throw new IllegalStateException("Unknown deletion state " + item.string("state"));
        };
        return new DeletionRequest(item.string("id"), item.string("workspaceId"), item.string("ticket"),
                item.string("reason"), item.string("openedBy"), item.instant("openedAt"), state,
                (int) item.number("failedConfirmations"));
    }
}
