package com.salesos.admin.testing;

import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.users.DealReassignment;
import com.salesos.admin.users.DealReassignmentStore;
import com.salesos.admin.users.ReassignmentRef;
import com.salesos.admin.users.ReassignmentStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Background reassignments with the rules the table enforces: one active job per source user
 * (a slot created with the job), writes only by the lease holder, and a batch's moves, the job's
 * count and checkpoint and the audit record committed together or not at all.
 */
public final class InMemoryReassignments implements DealReassignmentStore {

    private record Lease(String id, Instant until) {
    }

    private final Map<String, DealReassignment> jobs = new HashMap<>();
    private final Map<String, Lease> leases = new HashMap<>();
    private final Map<String, String> activeBySource = new HashMap<>();
    private final InMemoryDeals deals;
    private final InMemoryAuditLog audit;

    public InMemoryReassignments(InMemoryDeals deals, InMemoryAuditLog audit) {
        this.deals = deals;
        this.audit = audit;
    }

    @Override
    public Creation create(DealReassignment job) {
        String slot = job.workspaceId() + "#" + job.fromUserId();
        String active = activeBySource.get(slot);
        if (active != null) {
            return new Creation.Busy(active);
        }
        activeBySource.put(slot, job.id());
        jobs.put(key(job.ref()), job);
        return new Creation.Created(job);
    }

    @Override
    public boolean withdraw(DealReassignment job) {
        DealReassignment stored = jobs.get(key(job.ref()));
        if (stored == null || stored.status() != ReassignmentStatus.QUEUED) {
            return false;
        }
        jobs.remove(key(job.ref()));
        activeBySource.remove(job.workspaceId() + "#" + job.fromUserId(), job.id());
        return true;
    }

    @Override
    public Optional<DealReassignment> find(ReassignmentRef ref) {
        return Optional.ofNullable(jobs.get(key(ref)));
    }

    @Override
    public Claim claim(ReassignmentRef ref, String leaseId, Instant now, Instant leaseUntil) {
        DealReassignment job = jobs.get(key(ref));
        if (job == null) {
            return new Claim.Missing();
        }
        if (!job.status().active()) {
            return new Claim.Finished(job);
        }
        Lease lease = leases.get(key(ref));
        if (lease != null && !lease.until().isBefore(now)) {
            return new Claim.Busy();
        }
        leases.put(key(ref), new Lease(leaseId, leaseUntil));
        DealReassignment running = with(job, ReassignmentStatus.RUNNING, job.moved(), job.position(), job.error(),
                job.finishedAt());
        jobs.put(key(ref), running);
        return new Claim.Claimed(running);
    }

    @Override
    public BatchMove moveBatch(DealReassignment job, String leaseId, List<String> dealIds, String position, AuditEvent event) {
        DealReassignment stored = held(job.ref(), leaseId);
        if (!deals.active(job.workspaceId(), job.toUserId())) {
            return new BatchMove.ReceiverInactive();
        }
        List<String> moved = deals.move(job.workspaceId(), dealIds, job.fromUserId(), job.toUserId());
        jobs.put(key(job.ref()), with(stored, stored.status(), stored.moved() + moved.size(), Optional.of(position),
                stored.error(), stored.finishedAt()));
        if (!moved.isEmpty()) {
            audit.append(InMemoryDeals.withMoved(event, moved));
        }
        return new BatchMove.Moved(moved);
    }

    @Override
    public void release(ReassignmentRef ref, String leaseId) {
        held(ref, leaseId);
        leases.remove(key(ref));
    }

    @Override
    public void succeed(DealReassignment job, String leaseId, Instant at) {
        finish(held(job.ref(), leaseId), ReassignmentStatus.SUCCEEDED, Optional.empty(), at);
    }

    @Override
    public void recordAttemptFailure(ReassignmentRef ref, String leaseId, String reason) {
        try {
            DealReassignment job = held(ref, leaseId);
            jobs.put(key(ref), with(job, job.status(), job.moved(), job.position(), Optional.of(reason), job.finishedAt()));
            leases.remove(key(ref));
        } catch (LeaseLost gone) {
            // Someone else holds or finished the job.
        }
    }

    @Override
    public boolean fail(DealReassignment failing, String reason, Instant at) {
        DealReassignment job = jobs.get(key(failing.ref()));
        if (job == null || !job.status().active()) {
            return false;
        }
        finish(job, ReassignmentStatus.FAILED, Optional.of(reason), at);
        return true;
    }

    /** Whether a lease is held on the job now (tests check a continuation released it). */
    public boolean leased(ReassignmentRef ref) {
        return leases.containsKey(key(ref));
    }

    private void finish(DealReassignment job, ReassignmentStatus status, Optional<String> error, Instant at) {
        jobs.put(key(job.ref()), with(job, status, job.moved(), Optional.empty(), error, Optional.of(at)));
        leases.remove(key(job.ref()));
        activeBySource.remove(job.workspaceId() + "#" + job.fromUserId(), job.id());
    }

    private DealReassignment held(ReassignmentRef ref, String leaseId) {
        DealReassignment job = jobs.get(key(ref));
        Lease lease = leases.get(key(ref));
        if (job == null || job.status() != ReassignmentStatus.RUNNING || lease == null || !lease.id().equals(leaseId)) {
            throw new LeaseLost(ref);
        }
        return job;
    }

    private static DealReassignment with(DealReassignment job, ReassignmentStatus status, long moved,
                                         Optional<String> position, Optional<String> error, Optional<Instant> finishedAt) {
        return new DealReassignment(job.id(), job.workspaceId(), job.fromUserId(), job.toUserId(), job.requestedBy(),
                status, job.estimatedDeals(), job.estimateCapped(), moved, position, error, job.createdAt(), finishedAt);
    }

    private static String key(ReassignmentRef ref) {
        return ref.workspaceId() + "#" + ref.jobId();
    }
}
