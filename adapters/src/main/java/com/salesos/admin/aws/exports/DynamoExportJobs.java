package com.salesos.admin.aws.exports;

import com.salesos.admin.aws.audit.DynamoAuditLog;
import com.salesos.admin.aws.table.Cursor;
import com.salesos.admin.aws.table.IdempotencyRecords;
import com.salesos.admin.aws.table.Item;
import com.salesos.admin.aws.table.Leases;
import com.salesos.admin.aws.table.Steps;
import com.salesos.admin.aws.table.TableKeys;
import com.salesos.admin.aws.table.Transactions;
import com.salesos.admin.aws.workspaces.WorkspaceGate;
import static com.salesos.admin.aws.table.Item.n;
import static com.salesos.admin.aws.table.Item.s;

import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.common.IdempotencyKey;
import com.salesos.admin.common.Page;
import com.salesos.admin.common.PageRequest;
import com.salesos.admin.exports.ExportCheckpoint;
import com.salesos.admin.exports.ExportEntity;
import com.salesos.admin.exports.ExportJob;
import com.salesos.admin.exports.ExportJobStore;
import com.salesos.admin.exports.ExportRef;
import com.salesos.admin.exports.ExportResult;
import com.salesos.admin.exports.ExportStatus;
import com.salesos.admin.exports.Notice;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Export jobs in the single table. The workspace's {@code #EXPORT_ACTIVE} item is created with the
 * job ("must not exist") and deleted when it finishes, so two concurrent requests cannot both
 * start one. Worker writes are conditioned on the lease ({@code leaseId}) and on RUNNING.
 */
public final class DynamoExportJobs implements ExportJobStore {

    private static final Map<String, String> NAMES = Map.of("#status", "status");
    private static final String HELD = Leases.HELD;

    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoAuditLog auditLog;

    public DynamoExportJobs(DynamoDbClient dynamo, String table, DynamoAuditLog auditLog) {
        this.dynamo = dynamo;
        this.table = table;
        this.auditLog = auditLog;
    }

    @Override
    public Creation create(ExportJob job, AuditEvent audit, Optional<IdempotencyKey> key) {
        String ws = job.workspaceId();
        Steps steps = new Steps();
        key.ifPresent(k -> steps.add("idempotency", IdempotencyRecords.claim(table, ws, k, job.id(), job.createdAt())));
        steps.add("active", Transactions.putNew(table, Item.of(TableKeys.workspace(ws), TableKeys.EXPORT_ACTIVE_SK)
                        .with("jobId", job.id())))
                .add("job", Transactions.putNew(table, ExportItems.toItem(job)))
                .add("audit", auditLog.append(audit));
        try {
            WorkspaceGate.commit(dynamo, table, ws, steps.items());
            return new Creation.Created(job);
        } catch (TransactionCanceledException e) {
            if (key.isPresent() && steps.failed(e.cancellationReasons(), "idempotency")) {
                IdempotencyKey.Replay replay = IdempotencyRecords.replay(dynamo, table, ws, key.get());
                return new Creation.Replayed(replay.resourceId(), replay.sameRequest());
            }
            if (steps.failed(e.cancellationReasons(), "active")) {
                return new Creation.Busy(Item.read(dynamo, table, Item.key(TableKeys.workspace(ws), TableKeys.EXPORT_ACTIVE_SK))
                        .map(active -> active.string("jobId")).orElse("unknown"));
            }
            throw e;
        }
    }

    @Override
    public boolean withdraw(ExportJob job, Optional<IdempotencyKey> key, AuditEvent audit) {
        String ws = job.workspaceId();
        List<TransactWriteItem> writes = new java.util.ArrayList<>();
        writes.add(TransactWriteItem.builder().delete(d -> d.tableName(table).key(jobKey(job.ref()))
                .conditionExpression("#status = :queued").expressionAttributeNames(NAMES)
                .expressionAttributeValues(Map.of(":queued", s(ExportStatus.QUEUED.name())))).build());
        writes.add(releaseActive(job.ref()));
        key.ifPresent(k -> writes.add(IdempotencyRecords.forget(table, ws, k)));
        writes.add(auditLog.append(audit));
        return Transactions.commitUnlessConditionFails(dynamo, writes);
    }

    @Override
    public Optional<ExportJob> find(ExportRef ref) {
        return Item.read(dynamo, table, jobKey(ref)).map(ExportItems::fromItem);
    }

    @Override
    public Page<ExportJob> list(String workspaceId, PageRequest page) {
        String partition = TableKeys.workspace(workspaceId);
        QueryResponse response = dynamo.query(r -> {
            r.tableName(table).limit(page.limit()).scanIndexForward(false)
                    .keyConditionExpression("pk = :p and begins_with(sk, :s)")
                    .expressionAttributeValues(Map.of(":p", s(partition), ":s", s(TableKeys.EXPORT_PREFIX)));
            page.cursor().map(c -> Cursor.decodeTableKey(c, partition, TableKeys.EXPORT_PREFIX)).ifPresent(r::exclusiveStartKey);
        });
        return new Page<>(response.items().stream().map(i -> ExportItems.fromItem(Item.from(i))).toList(),
                Cursor.encode(response.lastEvaluatedKey()));
    }

    @Override
    public Claim claim(ExportRef ref, String leaseId, Instant now, Instant leaseUntil) {
        try {
            Map<String, AttributeValue> claimed = dynamo.updateItem(r -> r.tableName(table).key(jobKey(ref))
                    .updateExpression("SET #status = :running, leaseId = :lease, leaseUntil = :until, "
                            + "startedAt = if_not_exists(startedAt, :now)")
                    .conditionExpression("attribute_exists(pk) AND #status IN (:queued, :running) AND " + Leases.CLAIMABLE)
                    .expressionAttributeNames(NAMES)
                    .expressionAttributeValues(Map.of(":running", s(ExportStatus.RUNNING.name()),
                            ":queued", s(ExportStatus.QUEUED.name()), ":lease", s(leaseId),
                            ":until", n(leaseUntil.toEpochMilli()), ":now", s(now.toString()),
                            ":nowMillis", n(now.toEpochMilli())))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return new Claim.Claimed(ExportItems.fromItem(Item.from(claimed)));
        } catch (ConditionalCheckFailedException notClaimable) {
            Optional<ExportJob> job = find(ref);
            if (job.isEmpty()) {
                return new Claim.Missing();
            }
            return job.get().status().active() ? new Claim.Busy() : new Claim.Finished(job.get());
        }
    }

    @Override
    public void saveProgress(ExportRef ref, String leaseId, Map<ExportEntity, Long> progress) {
        updateHeld(ref, leaseId, "SET progress = :progress", Map.of(":progress", ExportItems.counts(progress)));
    }

    @Override
    public void saveCheckpoint(ExportRef ref, String leaseId, ExportCheckpoint checkpoint, boolean releaseLease) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":checkpoint", ExportItems.checkpoint(checkpoint),
                ":progress", ExportItems.counts(checkpoint.counts())));
        if (releaseLease) {
            values.putAll(Leases.releaseValues());
        }
        updateHeld(ref, leaseId, "SET checkpoint = :checkpoint, progress = :progress"
                + (releaseLease ? ", " + Leases.RELEASE : ""), values);
    }

    @Override
    public void succeed(ExportRef ref, String leaseId, ExportResult result, Instant at) {
        Map<String, AttributeValue> values = new HashMap<>(heldValues(leaseId));
        values.putAll(Map.of(":succeeded", s(ExportStatus.SUCCEEDED.name()), ":counts", ExportItems.counts(result.counts()),
                ":size", n(result.sizeBytes()), ":sha", s(result.sha256()), ":key", s(result.objectKey()),
                ":expires", s(result.expiresAt().toString()), ":at", s(at.toString()), ":sending", s(Notice.SENDING.name())));
        TransactWriteItem job = TransactWriteItem.builder().update(u -> u.tableName(table).key(jobKey(ref))
                .updateExpression("SET #status = :succeeded, counts = :counts, progress = :counts, sizeBytes = :size, "
                        + "sha256 = :sha, objectKey = :key, expiresAt = :expires, finishedAt = :at, notice = :sending "
                        + "REMOVE leaseId, leaseUntil, checkpoint, #error")
                .conditionExpression(HELD)
                .expressionAttributeNames(Map.of("#status", "status", "#error", "error"))
                .expressionAttributeValues(values)).build();
        if (!Transactions.commitUnlessConditionFails(dynamo, List.of(job, releaseActive(ref)))) {
            throw new LeaseLost(ref);
        }
    }

    @Override
    public void recordAttemptFailure(ExportRef ref, String leaseId, String reason) {
        try {
            Map<String, AttributeValue> values = new HashMap<>(Leases.releaseValues());
            values.put(":reason", s(reason));
            updateHeld(ref, leaseId, "SET #error = :reason, " + Leases.RELEASE, values);
        } catch (LeaseLost alreadyGone) {
            // Someone else holds or finished the job: its state is theirs to describe.
        }
    }

    @Override
    public boolean fail(ExportRef ref, String reason, Instant at) {
        TransactWriteItem job = TransactWriteItem.builder().update(u -> u.tableName(table).key(jobKey(ref))
                .updateExpression("SET #status = :failed, #error = :reason, finishedAt = :at, notice = :sending "
                        + "REMOVE leaseId, leaseUntil, checkpoint")
                .conditionExpression("#status IN (:queued, :running)")
                .expressionAttributeNames(Map.of("#status", "status", "#error", "error"))
                .expressionAttributeValues(Map.of(":failed", s(ExportStatus.FAILED.name()), ":reason", s(reason),
                        ":at", s(at.toString()), ":sending", s(Notice.SENDING.name()),
                        ":queued", s(ExportStatus.QUEUED.name()), ":running", s(ExportStatus.RUNNING.name())))).build();
        return Transactions.commitUnlessConditionFails(dynamo, List.of(job, releaseActive(ref)));
    }

    @Override
    public boolean claimNotice(ExportRef ref) {
        return setNotice(ref, Notice.PENDING, Notice.SENDING);
    }

    @Override
    public void noticeSent(ExportRef ref) {
        setNotice(ref, Notice.SENDING, Notice.SENT);
    }

    @Override
    public void noticeNotSent(ExportRef ref) {
        setNotice(ref, Notice.SENDING, Notice.PENDING);
    }

    private boolean setNotice(ExportRef ref, Notice from, Notice to) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(jobKey(ref))
                    .updateExpression("SET notice = :to").conditionExpression("notice = :from")
                    .expressionAttributeValues(Map.of(":from", s(from.name()), ":to", s(to.name()))));
            return true;
        } catch (ConditionalCheckFailedException moved) {
            return false;
        }
    }

    private void updateHeld(ExportRef ref, String leaseId, String expression, Map<String, AttributeValue> values) {
        Map<String, AttributeValue> all = new HashMap<>(values);
        all.putAll(heldValues(leaseId));
        Map<String, String> names = expression.contains("#error") ? Map.of("#status", "status", "#error", "error") : NAMES;
        try {
            dynamo.updateItem(r -> r.tableName(table).key(jobKey(ref)).updateExpression(expression)
                    .conditionExpression(HELD).expressionAttributeNames(names).expressionAttributeValues(all));
        } catch (ConditionalCheckFailedException lost) {
            throw new LeaseLost(ref);
        }
    }

    private static Map<String, AttributeValue> heldValues(String leaseId) {
        return Map.of(":lease", s(leaseId), ":running", s(ExportStatus.RUNNING.name()));
    }

    private TransactWriteItem releaseActive(ExportRef ref) {
        return TransactWriteItem.builder().delete(d -> d.tableName(table)
                .key(Item.key(TableKeys.workspace(ref.workspaceId()), TableKeys.EXPORT_ACTIVE_SK))
                .conditionExpression("jobId = :job")
                .expressionAttributeValues(Map.of(":job", s(ref.jobId())))).build();
    }

    private static Map<String, AttributeValue> jobKey(ExportRef ref) {
        return Item.key(TableKeys.workspace(ref.workspaceId()), TableKeys.export(ref.jobId()));
    }
}
