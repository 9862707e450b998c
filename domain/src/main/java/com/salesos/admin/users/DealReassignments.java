package com.salesos.admin.users;

import com.salesos.admin.access.AccessProblems;
import com.salesos.admin.access.Caller;
import com.salesos.admin.access.Permission;
import com.salesos.admin.access.UserStatus;
import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.common.IdGenerator;
import com.salesos.admin.problems.DomainException;
import com.salesos.admin.problems.Validation;
import com.salesos.admin.users.DealOwnership.OwnedPage;
import com.salesos.admin.users.DealOwnership.Transfer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Moving deals from one user (active or not) to another active user: named deals, or all of them.
 * Every move is conditioned on the deal's owner at that moment, so a repeat moves exactly what is
 * left and nothing twice. Moving all of a user's deals is done within the request when they are
 * few ({@link #AT_ONCE}); more are moved by a background job with a checkpoint, and the answer is
 * the job (an estimate of the count and its id) instead of every id moved.
 */
public final class DealReassignments {

    /** The most deal ids one request may name. */
    public static final int MAX_LISTED_DEALS = 1000;
    /** Moving all of a user's deals is done within the request up to this many; more run in the background. */
    public static final int AT_ONCE = 1000;
    /** A background move's estimate counts at most this many deals (reading the owner index costs with each). */
    public static final long ESTIMATE_CAP = 100_000;
    /** A job still queued this long after it was started has lost its wake-up; the next request resends it. */
    static final Duration STALE_QUEUED = Duration.ofMinutes(15);
    /** The audit action of every move, within a request or by a job. */
    public static final String MOVED = "user.deals-reassigned";

    private final UserStore users;
    private final DealOwnership deals;
    private final DealReassignmentStore jobs;
    private final ReassignmentQueue queue;
    private final IdGenerator ids;
    private final Clock clock;

    public DealReassignments(UserStore users, DealOwnership deals, DealReassignmentStore jobs, ReassignmentQueue queue,
                             IdGenerator ids, Clock clock) {
        this.users = users;
        this.deals = deals;
        this.jobs = jobs;
        this.queue = queue;
        this.ids = ids;
        this.clock = clock;
    }

    /** What a request to reassign did. */
    public sealed interface Reassignment {
        /** Moved within the request; {@code notMoved}: named deals that did not belong to the source user. */
        record Done(int moved, List<String> movedDealIds, List<String> notMoved) implements Reassignment {
        }

        /** Too many to move within the request: a background job moves them. */
        record Started(DealReassignment job) implements Reassignment {
        }
    }

    public Reassignment reassign(Caller caller, String fromUserId, String toUserId, Optional<List<String>> dealIds) {
        User from = users.find(caller.workspaceId(), fromUserId).orElseThrow(() -> DomainException.notFound("User " + fromUserId));
        Validation validation = new Validation();
        boolean named = toUserId != null && !toUserId.isBlank();
        Optional<User> to = named ? users.find(caller.workspaceId(), toUserId) : Optional.empty();
        if (!named) {
            validation.reject("toUserId", "is required");
        } else if (to.isEmpty() || to.get().status() != UserStatus.ACTIVE) {
            validation.reject("toUserId", ReassignmentProblems.RECEIVER_MUST_BE_ACTIVE);
        } else if (to.get().id().equals(from.id())) {
            validation.reject("toUserId", "must be another user than the one the deals come from");
        }
        if (dealIds.isPresent() && (dealIds.get().isEmpty() || dealIds.get().size() > MAX_LISTED_DEALS)) {
            validation.reject("dealIds", "give between 1 and " + MAX_LISTED_DEALS + " deal ids, or leave it out to move all");
        }
        validation.throwIfInvalid();
        String receiver = to.orElseThrow().id();

        if (dealIds.isPresent()) {
            List<String> wanted = List.copyOf(new LinkedHashSet<>(dealIds.get()));
            List<String> moved = moveNow(caller, from.id(), receiver, wanted);
            Set<String> done = Set.copyOf(moved);
            return new Reassignment.Done(moved.size(), moved, wanted.stream().filter(id -> !done.contains(id)).toList());
        }
        // One more than AT_ONCE tells "at most AT_ONCE" from "more" without reading further.
        OwnedPage first = deals.ownedBy(caller.workspaceId(), from.id(), Optional.empty(), AT_ONCE + 1);
        if (first.after().isEmpty() && first.deals().size() <= AT_ONCE) {
            List<String> moved = moveNow(caller, from.id(), receiver, first.dealIds());
            return new Reassignment.Done(moved.size(), moved, List.of());
        }
        return new Reassignment.Started(start(caller, from.id(), receiver));
    }

    /**
     * A background reassignment: to the user who started it, or to anyone who may manage users.
     * Another workspace's (or no) job is 404.
     */
    public DealReassignment get(Caller caller, String jobId) {
        DealReassignment job = ReassignmentRef.of(caller.workspaceId(), jobId).flatMap(jobs::find)
                .orElseThrow(() -> DomainException.notFound("Deal reassignment " + jobId));
        if (!job.requestedBy().equals(caller.userId()) && !caller.role().grants(Permission.USERS_MANAGE)) {
            throw AccessProblems.permissionMissing(caller.role(), Permission.USERS_MANAGE);
        }
        return job;
    }

    /** The audit record of a move from one user to another, before the adapter adds the ids it moved. */
    static AuditEvent moved(String workspaceId, String actorUserId, String from, String to, Instant at,
                            Map<String, Object> more) {
        Map<String, Object> after = new java.util.HashMap<>(more);
        after.put("ownerUserId", to);
        return new AuditEvent(workspaceId, actorUserId, MOVED, "user", from, at, Map.of("ownerUserId", from), after);
    }

    private List<String> moveNow(Caller caller, String from, String to, List<String> dealIds) {
        Transfer transfer = deals.transfer(caller.workspaceId(), dealIds, from, to,
                moved(caller.workspaceId(), caller.userId(), from, to, clock.instant(), Map.of()));
        if (transfer.receiverInactive()) {
            throw ReassignmentProblems.receiverInactive(to, transfer.moved());
        }
        if (transfer.interruptedBy().isPresent()) {
            throw ReassignmentProblems.interrupted(transfer.moved(), transfer.interruptedBy().get());
        }
        return transfer.moved();
    }

    private DealReassignment start(Caller caller, String from, String to) {
        long counted = deals.countOwnedBy(caller.workspaceId(), from, ESTIMATE_CAP);
        Instant now = clock.instant();
        DealReassignment job = DealReassignment.queued(ids.newId("dra"), caller.workspaceId(), from, to, caller.userId(),
                counted, counted >= ESTIMATE_CAP, now);
        DealReassignmentStore.Creation creation = jobs.create(job);
        if (creation instanceof DealReassignmentStore.Creation.Busy busy) {
            throw busy(caller, from, busy.activeJobId(), now);
        }
        try {
            queue.wakeUp(job.ref());
        } catch (ReassignmentQueue.QueueUnavailable e) {
            if (jobs.withdraw(job)) {
                throw ReassignmentProblems.queueUnavailable();
            }
            // The message arrived after all (the answer was lost): a worker runs the job.
        }
        return job;
    }

    private void wakeAgain(DealReassignment job) {
        try {
            queue.wakeUp(job.ref());
        } catch (ReassignmentQueue.QueueUnavailable e) {
            // The answer is the 409 either way; the next request tries again.
        }
    }

    /** 409 naming the active job; a job whose wake-up was lost gets a new one on the way. */
    private DomainException busy(Caller caller, String from, String activeJobId, Instant now) {
        Optional<DealReassignment> active = ReassignmentRef.of(caller.workspaceId(), activeJobId).flatMap(jobs::find);
        active.filter(j -> j.status() == ReassignmentStatus.QUEUED && j.createdAt().plus(STALE_QUEUED).isBefore(now))
                .ifPresent(this::wakeAgain);
        return ReassignmentProblems.inProgress(from, activeJobId,
                active.map(j -> j.status().wireName()).orElse("active"));
    }
}
