package com.salesos.admin.aws.support;

import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.common.IdempotencyKey;
import com.salesos.admin.aws.audit.DynamoAuditLog;
import com.salesos.admin.aws.table.IdempotencyRecords;
import com.salesos.admin.aws.table.Item;
import com.salesos.admin.aws.table.Steps;
import com.salesos.admin.aws.table.TableKeys;
import com.salesos.admin.aws.table.Transactions;
import com.salesos.admin.support.DeletionRequest;
import com.salesos.admin.support.DeletionRequestStore;
import com.salesos.admin.support.DeletionState;
import com.salesos.admin.support.PurgeCounts;
import com.salesos.admin.support.PurgeProgress;
import com.salesos.admin.support.WorkspaceState;
import com.salesos.admin.aws.workspaces.WorkspaceGate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Deletion requests in the table. The request lives outside the workspace's partitions (it is the
 * tombstone that stays); the workspace's live slot ({@code WS#id / #DELETION_LIVE}) makes "one
 * live request per workspace" a put condition and carries the purge's progress while it runs. The
 * read-only lock is an attribute of the workspace item itself ({@link WorkspaceGate#LOCK}), set
 * and removed in the same transaction as the request's change, because that item is what every
 * workspace write's transaction is conditioned on. A change is conditional on the stored state and
 * count of wrong names being those the change started from, both of which every transition
 * advances.
 */
public final class DynamoDeletionRequests implements DeletionRequestStore {

    private static final String PROGRESS_VERSION = "progressVersion";

    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoAuditLog auditLog;

    public DynamoDeletionRequests(DynamoDbClient dynamo, String table, DynamoAuditLog auditLog) {
        this.dynamo = dynamo;
        this.table = table;
        this.auditLog = auditLog;
    }

    @Override
    public Opening open(DeletionRequest request, AuditEvent audit, Optional<IdempotencyKey> key) {
        Steps steps = new Steps();
        key.ifPresent(k -> steps.add("idempotency",
                IdempotencyRecords.claim(table, request.workspaceId(), k, request.id(), audit.at())));
        steps.add("live", Transactions.putNew(table, liveSlot(request)))
                .add("request", Transactions.putNew(table, toItem(request)))
                .add("audit", auditLog.append(audit))
                // Never into a workspace whose deletion finished meanwhile (its item went with it).
                .add("workspace", TransactWriteItem.builder().conditionCheck(c -> c.tableName(table)
                        .key(workspaceKey(request.workspaceId())).conditionExpression("attribute_exists(pk)")).build());
        try {
            dynamo.transactWriteItems(r -> r.transactItems(steps.items()));
            return new Opening.Opened();
        } catch (TransactionCanceledException e) {
            if (key.isPresent() && steps.failed(e.cancellationReasons(), "idempotency")) {
                return new Opening.Replayed(IdempotencyRecords.replay(dynamo, table, request.workspaceId(), key.get()));
            }
            if (steps.failed(e.cancellationReasons(), "workspace")) {
                return new Opening.NoWorkspace();
            }
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
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(toItem(next).values())
                .conditionExpression("#state = :state AND failedConfirmations = :failed")
                .expressionAttributeNames(Map.of("#state", "state"))
                .expressionAttributeValues(Map.of(":state", Item.s(current.state().code()),
                        ":failed", Item.n(current.failedConfirmations())))).build());
        Map<String, AttributeValue> id = Map.of(":id", Item.s(next.id()));
        writes.add(next.isLive()
                ? TransactWriteItem.builder().update(u -> u.tableName(table).key(liveKey(next.workspaceId()))
                        .updateExpression("SET #state = :state").conditionExpression("requestId = :id")
                        .expressionAttributeNames(Map.of("#state", "state"))
                        .expressionAttributeValues(Map.of(":id", Item.s(next.id()), ":state", Item.s(next.state().code())))).build()
                : TransactWriteItem.builder().delete(d -> d.tableName(table).key(liveKey(next.workspaceId()))
                        .conditionExpression("requestId = :id").expressionAttributeValues(id)).build());
        if (next.locksWorkspace() && !current.locksWorkspace()) {
            // From here every workspace write's transaction fails its condition on this item.
            writes.add(TransactWriteItem.builder().update(u -> u.tableName(table).key(workspaceKey(next.workspaceId()))
                    .updateExpression("SET " + WorkspaceGate.LOCK + " = :id")
                    .conditionExpression("attribute_exists(pk) AND attribute_not_exists(" + WorkspaceGate.LOCK + ")")
                    .expressionAttributeValues(id)).build());
        } else if (current.locksWorkspace() && !next.locksWorkspace()) {
            writes.add(TransactWriteItem.builder().update(u -> u.tableName(table).key(workspaceKey(next.workspaceId()))
                    .updateExpression("REMOVE " + WorkspaceGate.LOCK)
                    .conditionExpression(WorkspaceGate.LOCK + " = :id")
                    .expressionAttributeValues(id)).build());
        }
        writes.add(auditLog.append(audit));
        return Transactions.commitUnlessConditionFails(dynamo, writes);
    }

    @Override
    public Optional<String> lockOf(String workspaceId) {
        return WorkspaceGate.lockOf(dynamo, table, workspaceId);
    }

    @Override
    public PurgeProgress progress(DeletionRequest running) {
        return Item.read(dynamo, table, liveKey(running.workspaceId()))
                .filter(slot -> slot.string("requestId").equals(running.id()))
                .filter(slot -> slot.values().containsKey(PROGRESS_VERSION))
                .map(slot -> new PurgeProgress((int) slot.number("progressStep"), slot.string("progressWatermark"),
                        slot.number(PROGRESS_VERSION), counts(slot, "progress")))
                .orElse(PurgeProgress.start());
    }

    @Override
    public boolean saveProgress(DeletionRequest running, PurgeProgress current, PurgeProgress next) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":id", Item.s(running.id()),
                ":step", Item.n(next.step()), ":mark", Item.s(next.watermark()), ":next", Item.n(next.version()),
                ":accounts", Item.n(next.counts().accounts()), ":objects", Item.n(next.counts().objects()),
                ":uploads", Item.n(next.counts().uploads()), ":items", Item.n(next.counts().items())));
        String condition = "requestId = :id AND " + versionIs(current, values);
        // A transaction of one write, not a plain update: the SDK retries a request whose answer was
        // lost, and a plain update applied the first time would fail its version condition on the
        // retry and read as "another run moved on", stopping the purge with nobody continuing it.
        // A retried transaction carries the same ClientRequestToken, which DynamoDB answers as done.
        return Transactions.commitUnlessConditionFails(dynamo, List.of(TransactWriteItem.builder().update(u -> u
                .tableName(table).key(liveKey(running.workspaceId()))
                .updateExpression("SET progressStep = :step, progressWatermark = :mark, " + PROGRESS_VERSION + " = :next, "
                        + "progressAccounts = :accounts, progressObjects = :objects, progressUploads = :uploads, "
                        + "progressItems = :items")
                .conditionExpression(condition)
                .expressionAttributeValues(values)).build()));
    }

    @Override
    public boolean finish(DeletionRequest running, PurgeProgress last, DeletionRequest done) {
        String ws = running.workspaceId();
        Map<String, AttributeValue> liveValues = new HashMap<>(Map.of(":id", Item.s(running.id())));
        String liveCondition = "requestId = :id AND " + versionIs(last, liveValues);
        List<TransactWriteItem> writes = List.of(
                TransactWriteItem.builder().put(p -> p.tableName(table).item(toItem(done).values())
                        .conditionExpression("#state = :running")
                        .expressionAttributeNames(Map.of("#state", "state"))
                        .expressionAttributeValues(Map.of(":running", Item.s(running.state().code())))).build(),
                TransactWriteItem.builder().delete(d -> d.tableName(table).key(liveKey(ws))
                        .conditionExpression(liveCondition).expressionAttributeValues(liveValues)).build(),
                // The workspace item goes last, with its lock: until this commit every write stayed refused.
                TransactWriteItem.builder().delete(d -> d.tableName(table).key(workspaceKey(ws))).build(),
                // Support's directory entry stays as the workspace's tombstone; its name goes (it may name a person).
                TransactWriteItem.builder().update(u -> u.tableName(table)
                        .key(Item.key(TableKeys.WORKSPACE_DIRECTORY, TableKeys.directoryEntry(ws)))
                        .updateExpression("SET #state = :deleted, deletedAt = :at, deletionRequestId = :id REMOVE #name")
                        .expressionAttributeNames(Map.of("#state", "state", "#name", "name"))
                        .expressionAttributeValues(Map.of(":deleted", Item.s(WorkspaceState.DELETED.code()),
                                ":at", Item.s(((DeletionState.Done) done.state()).finishedAt().toString()),
                                ":id", Item.s(done.id())))).build());
        return Transactions.commitUnlessConditionFails(dynamo, writes);
    }

    /** The condition that the saved progress is still {@code progress} (none saved yet for version 0). */
    private static String versionIs(PurgeProgress progress, Map<String, AttributeValue> values) {
        if (progress.version() == 0) {
            return "attribute_not_exists(" + PROGRESS_VERSION + ")";
        }
        values.put(":version", Item.n(progress.version()));
        return PROGRESS_VERSION + " = :version";
    }

    private Item liveSlot(DeletionRequest request) {
        return Item.of(TableKeys.workspace(request.workspaceId()), TableKeys.DELETION_LIVE_SK)
                .with("type", "deletion-live")
                .with("requestId", request.id())
                .with("state", request.state().code());
    }

    private static Map<String, AttributeValue> liveKey(String workspaceId) {
        return Item.key(TableKeys.workspace(workspaceId), TableKeys.DELETION_LIVE_SK);
    }

    private static Map<String, AttributeValue> workspaceKey(String workspaceId) {
        return Item.key(TableKeys.workspace(workspaceId), TableKeys.WORKSPACE_SK);
    }

    private static PurgeCounts counts(Item item, String prefix) {
        return new PurgeCounts(item.number(prefix + "Accounts"), item.number(prefix + "Objects"),
                item.number(prefix + "Uploads"), item.number(prefix + "Items"));
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
            item.with("confirmedBy", r.confirmedBy()).with("confirmedAt", r.confirmedAt())
                    .with("executedBy", r.executedBy()).with("startedAt", r.startedAt());
        } else if (state instanceof DeletionState.Done d) {
            item.with("confirmedBy", d.confirmedBy()).with("confirmedAt", d.confirmedAt())
                    .with("executedBy", d.executedBy()).with("startedAt", d.startedAt()).with("finishedAt", d.finishedAt())
                    .with("deletedAccounts", d.deleted().accounts()).with("deletedObjects", d.deleted().objects())
                    .with("deletedUploads", d.deleted().uploads()).with("deletedItems", d.deleted().items());
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
            case "running" -> new DeletionState.Running(item.string("confirmedBy"), item.instant("confirmedAt"),
                    item.string("executedBy"), item.instant("startedAt"));
            case "done" -> new DeletionState.Done(item.string("confirmedBy"), item.instant("confirmedAt"),
                    item.string("executedBy"), item.instant("startedAt"), item.instant("finishedAt"), counts(item, "deleted"));
            case "cancelled" -> new DeletionState.Cancelled(item.string("cancelledBy"), item.instant("cancelledAt"));
            default -> throw new IllegalStateException("Unknown deletion state " + item.string("state"));
        };
        return new DeletionRequest(item.string("id"), item.string("workspaceId"), item.string("ticket"),
                item.string("reason"), item.string("openedBy"), item.instant("openedAt"), state,
                (int) item.number("failedConfirmations"));
    }
}
