package com.salesos.admin.aws.users;

import static com.salesos.admin.aws.table.Item.n;
import static com.salesos.admin.aws.table.Item.s;

import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.aws.audit.DynamoAuditLog;
import com.salesos.admin.aws.table.Item;
import com.salesos.admin.aws.table.Leases;
import com.salesos.admin.aws.table.Steps;
import com.salesos.admin.aws.table.TableKeys;
import com.salesos.admin.aws.table.Transactions;
import com.salesos.admin.aws.workspaces.WorkspaceGate;
import com.salesos.admin.users.DealReassignment;
import com.salesos.admin.users.DealReassignmentStore;
import com.salesos.admin.users.ReassignmentRef;
import com.salesos.admin.users.ReassignmentStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Background deal reassignments in the single table: {@code REASSIGN#id} in the workspace's
 * partition, and {@code #REASSIGN_ACTIVE#<from>} naming the source user's one active job (created
 * with the job, "must not exist"; deleted when it finishes). Worker writes are conditioned on the
 * lease and on RUNNING; a batch's deal moves, the job's count and checkpoint and its audit record
 * are one transaction ({@link DealMoves}), so the count is exact whatever crashes when.
 */
public final class DynamoDealReassignments implements DealReassignmentStore {

    private static final String HELD = Leases.HELD;

    private final DynamoDbClient dynamo;
    private final String table;
    private final DealMoves moves;

    public DynamoDealReassignments(DynamoDbClient dynamo, String table, DynamoAuditLog auditLog) {
        this.dynamo = dynamo;
        this.table = table;
        this.moves = new DealMoves(dynamo, table, auditLog);
    }

    @Override
    public Creation create(DealReassignment job) {
        Steps steps = new Steps()
                .add("active", Transactions.putNew(table, Item.of(TableKeys.workspace(job.workspaceId()),
                        TableKeys.activeReassignment(job.fromUserId())).with("jobId", job.id())))
                .add("job", Transactions.putNew(table, toItem(job)));
        try {
            WorkspaceGate.commit(dynamo, table, job.workspaceId(), steps.items());
            return new Creation.Created(job);
        } catch (TransactionCanceledException e) {
            if (steps.failed(e.cancellationReasons(), "active")) {
                return new Creation.Busy(Item.read(dynamo, table, activeKey(job.workspaceId(), job.fromUserId()))
                        .map(active -> active.string("jobId")).orElse("unknown"));
            }
            throw e;
        }
    }

    @Override
    public boolean withdraw(DealReassignment job) {
        TransactWriteItem delete = TransactWriteItem.builder().delete(d -> d.tableName(table).key(jobKey(job.ref()))
                .conditionExpression("#status = :queued").expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":queued", s(ReassignmentStatus.QUEUED.name())))).build();
        return Transactions.commitUnlessConditionFails(dynamo,
                List.of(delete, releaseActive(job.workspaceId(), job.fromUserId(), job.id())));
    }

    @Override
    public Optional<DealReassignment> find(ReassignmentRef ref) {
        return Item.read(dynamo, table, jobKey(ref)).map(DynamoDealReassignments::fromItem);
    }

    @Override
    public Claim claim(ReassignmentRef ref, String leaseId, Instant now, Instant leaseUntil) {
        try {
            Map<String, AttributeValue> claimed = dynamo.updateItem(r -> r.tableName(table).key(jobKey(ref))
                    .updateExpression("SET #status = :running, leaseId = :lease, leaseUntil = :until, "
                            + "startedAt = if_not_exists(startedAt, :now)")
                    .conditionExpression("attribute_exists(pk) AND #status IN (:queued, :running) AND " + Leases.CLAIMABLE)
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":running", s(ReassignmentStatus.RUNNING.name()),
                            ":queued", s(ReassignmentStatus.QUEUED.name()), ":lease", s(leaseId),
                            ":until", n(leaseUntil.toEpochMilli()), ":now", s(now.toString()),
                            ":nowMillis", n(now.toEpochMilli())))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return new Claim.Claimed(fromItem(Item.from(claimed)));
        } catch (ConditionalCheckFailedException notClaimable) {
            Optional<DealReassignment> job = find(ref);
            if (job.isEmpty()) {
                return new Claim.Missing();
            }
            return job.get().status().active() ? new Claim.Busy() : new Claim.Finished(job.get());
        }
    }

    @Override
    public BatchMove moveBatch(DealReassignment job, String leaseId, List<String> dealIds, String position, AuditEvent audit) {
        DealMoves.Result result = moves.commit(job.workspaceId(), dealIds, job.fromUserId(), job.toUserId(), audit,
                moving -> List.of(progress(job.ref(), leaseId, moving, position)));
        if (result instanceof DealMoves.Result.ReceiverInactive) {
            return new BatchMove.ReceiverInactive();
        }
        if (result instanceof DealMoves.Result.StepRefused) {
            throw new LeaseLost(job.ref());
        }
        return new BatchMove.Moved(((DealMoves.Result.Committed) result).moved());
    }

    @Override
    public void release(ReassignmentRef ref, String leaseId) {
        updateHeld(ref, leaseId, "SET " + Leases.RELEASE, Leases.releaseValues());
    }

    @Override
    public void succeed(DealReassignment finished, String leaseId, Instant at) {
        ReassignmentRef ref = finished.ref();
        Map<String, AttributeValue> values = new HashMap<>(heldValues(leaseId));
        values.put(":succeeded", s(ReassignmentStatus.SUCCEEDED.name()));
        values.put(":at", s(at.toString()));
        TransactWriteItem job = TransactWriteItem.builder().update(u -> u.tableName(table).key(jobKey(ref))
                .updateExpression("SET #status = :succeeded, finishedAt = :at REMOVE leaseId, leaseUntil, #error")
                .conditionExpression(HELD)
                .expressionAttributeNames(Map.of("#status", "status", "#error", "error"))
                .expressionAttributeValues(values)).build();
        if (!Transactions.commitUnlessConditionFails(dynamo,
                List.of(job, releaseActive(ref.workspaceId(), finished.fromUserId(), ref.jobId())))) {
            throw new LeaseLost(ref);
        }
    }

    @Override
    public void recordAttemptFailure(ReassignmentRef ref, String leaseId, String reason) {
        try {
            Map<String, AttributeValue> values = new HashMap<>(Leases.releaseValues());
            values.put(":reason", s(reason));
            updateHeld(ref, leaseId, "SET #error = :reason, " + Leases.RELEASE, values);
        } catch (LeaseLost alreadyGone) {
            // Someone else holds or finished the job: its state is theirs to describe.
        }
    }

    @Override
    public boolean fail(DealReassignment failing, String reason, Instant at) {
        ReassignmentRef ref = failing.ref();
        TransactWriteItem job = TransactWriteItem.builder().update(u -> u.tableName(table).key(jobKey(ref))
                .updateExpression("SET #status = :failed, #error = :reason, finishedAt = :at REMOVE leaseId, leaseUntil")
                .conditionExpression("#status IN (:queued, :running)")
                .expressionAttributeNames(Map.of("#status", "status", "#error", "error"))
                .expressionAttributeValues(Map.of(":failed", s(ReassignmentStatus.FAILED.name()), ":reason", s(reason),
                        ":at", s(at.toString()), ":queued", s(ReassignmentStatus.QUEUED.name()),
                        ":running", s(ReassignmentStatus.RUNNING.name())))).build();
        return Transactions.commitUnlessConditionFails(dynamo,
                List.of(job, releaseActive(ref.workspaceId(), failing.fromUserId(), ref.jobId())));
    }

    /** The job's part of a batch: held by this worker, its count up by what moves, its checkpoint moved on. */
    private TransactWriteItem progress(ReassignmentRef ref, String leaseId, int movedNow, String position) {
        Map<String, AttributeValue> values = new HashMap<>(heldValues(leaseId));
        values.put(":n", n(movedNow));
        values.put(":position", s(position));
        return TransactWriteItem.builder().update(u -> u.tableName(table).key(jobKey(ref))
                .updateExpression("SET #moved = #moved + :n, resumeAfter = :position")
                .conditionExpression(HELD)
                .expressionAttributeNames(Map.of("#status", "status", "#moved", "moved"))
                .expressionAttributeValues(values)).build();
    }

    private void updateHeld(ReassignmentRef ref, String leaseId, String expression, Map<String, AttributeValue> values) {
        Map<String, AttributeValue> all = new HashMap<>(values);
        all.putAll(heldValues(leaseId));
        Map<String, String> names = expression.contains("#error") ? Map.of("#status", "status", "#error", "error")
                : Map.of("#status", "status");
        try {
            dynamo.updateItem(r -> r.tableName(table).key(jobKey(ref)).updateExpression(expression)
                    .conditionExpression(HELD).expressionAttributeNames(names).expressionAttributeValues(all));
        } catch (ConditionalCheckFailedException lost) {
            throw new LeaseLost(ref);
        }
    }

    private static Map<String, AttributeValue> heldValues(String leaseId) {
        return Map.of(":lease", s(leaseId), ":running", s(ReassignmentStatus.RUNNING.name()));
    }

    private TransactWriteItem releaseActive(String workspaceId, String fromUserId, String jobId) {
        return TransactWriteItem.builder().delete(d -> d.tableName(table).key(activeKey(workspaceId, fromUserId))
                .conditionExpression("jobId = :job")
                .expressionAttributeValues(Map.of(":job", s(jobId)))).build();
    }

    private static Map<String, AttributeValue> activeKey(String workspaceId, String fromUserId) {
        return Item.key(TableKeys.workspace(workspaceId), TableKeys.activeReassignment(fromUserId));
    }

    private static Map<String, AttributeValue> jobKey(ReassignmentRef ref) {
        return Item.key(TableKeys.workspace(ref.workspaceId()), TableKeys.reassignment(ref.jobId()));
    }

    private static Item toItem(DealReassignment job) {
        return Item.of(TableKeys.workspace(job.workspaceId()), TableKeys.reassignment(job.id()))
                .with("type", "deal-reassignment")
                .with("id", job.id())
                .with("workspaceId", job.workspaceId())
                .with("fromUserId", job.fromUserId())
                .with("toUserId", job.toUserId())
                .with("requestedBy", job.requestedBy())
                .with("status", job.status().name())
                .with("estimatedDeals", job.estimatedDeals())
                .withValue("estimateCapped", AttributeValue.fromBool(job.estimateCapped()))
                .with("moved", job.moved())
                .with("createdAt", job.createdAt());
    }

    private static DealReassignment fromItem(Item item) {
        return new DealReassignment(item.string("id"), item.string("workspaceId"), item.string("fromUserId"),
                item.string("toUserId"), item.string("requestedBy"), ReassignmentStatus.valueOf(item.string("status")),
                item.number("estimatedDeals"), Boolean.TRUE.equals(item.values().get("estimateCapped").bool()),
                item.number("moved"), item.optionalString("resumeAfter"), item.optionalString("error"),
                item.instant("createdAt"), Optional.ofNullable(item.instant("finishedAt")));
    }
}
