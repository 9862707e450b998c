package com.salesos.admin.testing;

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
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Export jobs with the rules the table enforces: one active job per workspace, a worker writes
 * only while it holds the job's lease (else {@link LeaseLost}), a job finishes once, and its
 * notice is claimed before it is sent so no two workers send it.
 */
public final class InMemoryExportJobs implements ExportJobStore {

    private record Lease(String id, Instant until) {
    }

    private final Map<ExportRef, ExportJob> jobs = new LinkedHashMap<>();
    private final Map<ExportRef, Lease> leases = new HashMap<>();
    private final Map<String, String> activeJob = new HashMap<>();
    private final InMemoryIdempotency keys = new InMemoryIdempotency();
    private final InMemoryAuditLog audit;

    public InMemoryExportJobs(InMemoryAuditLog audit) {
        this.audit = audit;
    }

    @Override
    public Creation create(ExportJob job, AuditEvent event, Optional<IdempotencyKey> key) {
        Optional<IdempotencyKey.Replay> replay = keys.replay(job.workspaceId(), key);
        if (replay.isPresent()) {
            return new Creation.Replayed(replay.get().resourceId(), replay.get().sameRequest());
        }
        String active = activeJob.get(job.workspaceId());
        if (active != null) {
            return new Creation.Busy(active);
        }
        jobs.put(job.ref(), job);
        activeJob.put(job.workspaceId(), job.id());
        keys.remember(job.workspaceId(), key, job.id());
        audit.append(event);
        return new Creation.Created(job);
    }

    @Override
    public boolean withdraw(ExportJob job, Optional<IdempotencyKey> key, AuditEvent event) {
        ExportJob stored = jobs.get(job.ref());
        if (stored == null || stored.status() != ExportStatus.QUEUED) {
            return false;
        }
        jobs.remove(job.ref());
        activeJob.remove(job.workspaceId(), job.id());
        keys.forget(job.workspaceId(), key);
        audit.append(event);
        return true;
    }

    @Override
    public Optional<ExportJob> find(ExportRef ref) {
        return Optional.ofNullable(jobs.get(ref));
    }

    @Override
    public Page<ExportJob> list(String workspaceId, PageRequest page) {
        List<ExportJob> newestFirst = new ArrayList<>(jobs.values().stream()
                .filter(j -> j.workspaceId().equals(workspaceId)).toList());
        Collections.reverse(newestFirst);
        return Pages.of(newestFirst, page);
    }

    @Override
    public Claim claim(ExportRef ref, String leaseId, Instant now, Instant leaseUntil) {
        ExportJob job = jobs.get(ref);
        if (job == null) {
            return new Claim.Missing();
        }
        if (!job.status().active()) {
            return new Claim.Finished(job);
        }
        Lease lease = leases.get(ref);
        if (lease != null && !lease.id().equals(leaseId) && lease.until().isAfter(now)) {
            return new Claim.Busy();
        }
        leases.put(ref, new Lease(leaseId, leaseUntil));
        ExportJob running = with(job, ExportStatus.RUNNING, job.progress(), job.checkpoint(), job.error(), job.notice());
        jobs.put(ref, running);
        return new Claim.Claimed(running);
    }

    @Override
    public void saveProgress(ExportRef ref, String leaseId, Map<ExportEntity, Long> progress) {
        ExportJob job = held(ref, leaseId);
        jobs.put(ref, with(job, job.status(), progress, job.checkpoint(), job.error(), job.notice()));
    }

    @Override
    public void saveCheckpoint(ExportRef ref, String leaseId, ExportCheckpoint checkpoint, boolean releaseLease) {
        ExportJob job = held(ref, leaseId);
        jobs.put(ref, with(job, job.status(), checkpoint.counts(), Optional.of(checkpoint), job.error(), job.notice()));
        if (releaseLease) {
            leases.remove(ref);
        }
    }

    @Override
    public void succeed(ExportRef ref, String leaseId, ExportResult result, Instant at) {
        ExportJob job = held(ref, leaseId);
        jobs.put(ref, job.succeeded(result, at));
        leases.remove(ref);
        activeJob.remove(job.workspaceId(), job.id());
    }

    @Override
    public void recordAttemptFailure(ExportRef ref, String leaseId, String reason) {
        Lease lease = leases.get(ref);
        ExportJob job = jobs.get(ref);
        if (job != null && job.status().active() && lease != null && lease.id().equals(leaseId)) {
            jobs.put(ref, with(job, job.status(), job.progress(), job.checkpoint(), Optional.of(reason), job.notice()));
            leases.remove(ref);
        }
    }

    @Override
    public boolean fail(ExportRef ref, String reason, Instant at) {
        ExportJob job = jobs.get(ref);
        if (job == null || !job.status().active()) {
            return false;
        }
        jobs.put(ref, job.failed(reason, at));
        leases.remove(ref);
        activeJob.remove(job.workspaceId(), job.id());
        return true;
    }

    @Override
    public boolean claimNotice(ExportRef ref) {
        return moveNotice(ref, Notice.PENDING, Notice.SENDING);
    }

    @Override
    public void noticeSent(ExportRef ref) {
        moveNotice(ref, Notice.SENDING, Notice.SENT);
    }

    @Override
    public void noticeNotSent(ExportRef ref) {
        moveNotice(ref, Notice.SENDING, Notice.PENDING);
    }

    /** Whether the workspace has an active job, as the slot the store keeps says. */
    public Optional<String> activeJob(String workspaceId) {
        return Optional.ofNullable(activeJob.get(workspaceId));
    }

    private boolean moveNotice(ExportRef ref, Notice from, Notice to) {
        ExportJob job = jobs.get(ref);
        if (job == null || job.notice() != from) {
            return false;
        }
        jobs.put(ref, with(job, job.status(), job.progress(), job.checkpoint(), job.error(), to));
        return true;
    }

    private ExportJob held(ExportRef ref, String leaseId) {
        ExportJob job = jobs.get(ref);
        Lease lease = leases.get(ref);
        if (job == null || job.status() != ExportStatus.RUNNING || lease == null || !lease.id().equals(leaseId)) {
            throw new LeaseLost(ref);
        }
        return job;
    }

    private static ExportJob with(ExportJob job, ExportStatus status, Map<ExportEntity, Long> progress,
                                  Optional<ExportCheckpoint> checkpoint, Optional<String> error, Notice notice) {
        return new ExportJob(job.id(), job.workspaceId(), job.requestedBy(), job.requesterEmail(), job.requesterName(),
                job.entities(), status, progress, job.result(), error, job.createdAt(), job.finishedAt(), checkpoint, notice);
    }
}
