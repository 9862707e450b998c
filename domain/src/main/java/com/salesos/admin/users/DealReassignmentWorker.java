package com.salesos.admin.users;

import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.common.Pacer;
import com.salesos.admin.users.DealOwnership.OwnedDeal;
import com.salesos.admin.users.DealOwnership.OwnedPage;
import com.salesos.admin.users.DealReassignmentStore.BatchMove;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs background deal reassignments, woken by queue messages. A wake-up claims the job's lease (a
 * duplicate delivery finds it held or finished and does nothing), reads the source user's deals
 * from the owner index after the job's checkpoint, and moves them in batches; each batch commits
 * its moves, the job's count and its new checkpoint together. Before the invocation's time runs
 * out it releases the lease and wakes the next invocation, which goes on from the checkpoint. The
 * pace (deals per second) keeps the moves to a share of the workspace partition's write capacity.
 * A message that keeps failing ends in the dead-letter queue, whose delivery calls {@link #giveUp}.
 */
public final class DealReassignmentWorker {

    /** Time kept back from the invocation's budget for the last batch, the release and the wake-up. */
    static final Duration RESERVE = Duration.ofSeconds(30);
    /**
     * Index entries read per query: about 300 KB of entries, inside DynamoDB's 1 MB page, so few
     * round trips for the same read units.
     */
    static final int PAGE = 2_000;
    /**
     * Deals per commit: a DynamoDB transaction holds at most 100 items; each batch also updates the
     * job, checks the receiver and appends its audit record, and one item is kept free for a
     * workspace-wide condition.
     */
    public static final int BATCH = 96;

    private final DealReassignmentStore jobs;
    private final DealOwnership deals;
    private final ReassignmentQueue queue;
    private final Pacer pacer;
    private final Clock clock;

    public DealReassignmentWorker(DealReassignmentStore jobs, DealOwnership deals, ReassignmentQueue queue, Pacer pacer,
                                  Clock clock) {
        this.jobs = jobs;
        this.deals = deals;
        this.queue = queue;
        this.pacer = pacer;
        this.clock = clock;
    }

    /** What a wake-up did. */
    public sealed interface Outcome {
        /** Every deal the index listed was moved or found moved already; {@code job} as it finished. */
        record Finished(DealReassignment job) implements Outcome {
        }

        /** Checkpointed (with its last batch); another invocation carries on. */
        record Continued(long movedSoFar) implements Outcome {
        }

        /** Nothing to do: finished already, held by another invocation, or gone. */
        record Skipped(String why) implements Outcome {
        }

        record Failed(String reason) implements Outcome {
        }
    }

    /**
     * Works on the job for at most {@code timeLeft} (the invocation's remaining time), at least one batch.
     * @throws RuntimeException when the attempt failed; the message should be retried
     */
    public Outcome wake(ReassignmentRef ref, Duration timeLeft, String leaseId) {
        Instant now = clock.instant();
        DealReassignmentStore.Claim claim = jobs.claim(ref, leaseId, now, now.plus(timeLeft).plus(RESERVE));
        if (claim instanceof DealReassignmentStore.Claim.Finished) {
            return new Outcome.Skipped("finished already");
        }
        if (claim instanceof DealReassignmentStore.Claim.Busy) {
            return new Outcome.Skipped("another invocation holds the job");
        }
        if (claim instanceof DealReassignmentStore.Claim.Missing) {
            return new Outcome.Skipped("no such job");
        }
        DealReassignment job = ((DealReassignmentStore.Claim.Claimed) claim).job();
        try {
            return run(job, leaseId, now.plus(timeLeft).minus(RESERVE));
        } catch (DealReassignmentStore.LeaseLost lost) {
            return new Outcome.Skipped("the job was taken over or failed meanwhile");
        } catch (RuntimeException e) {
            recordAttemptFailure(ref, leaseId, e);
            throw e;
        }
    }

    /** The dead-letter path: the job failed for good, with what it had moved. */
    public Outcome giveUp(ReassignmentRef ref) {
        Optional<DealReassignment> job = jobs.find(ref);
        if (job.isEmpty()) {
            return new Outcome.Skipped("no such job");
        }
        if (!job.get().status().active()) {
            return new Outcome.Skipped("finished already");
        }
        String reason = ReassignmentProblems.gaveUpReason(job.get().moved(), job.get().error().orElse(null));
        return jobs.fail(job.get(), reason, clock.instant()) ? new Outcome.Failed(reason) : new Outcome.Skipped("finished already");
    }

    private Outcome run(DealReassignment job, String leaseId, Instant deadline) {
        long moved = job.moved();
        Optional<String> position = job.position();
        Duration slowest = Duration.ZERO;
        while (true) {
            OwnedPage page = deals.ownedBy(job.workspaceId(), job.fromUserId(), position, PAGE);
            List<OwnedDeal> owned = page.deals();
            for (int start = 0; start < owned.size(); start += BATCH) {
                List<OwnedDeal> batch = owned.subList(start, Math.min(owned.size(), start + BATCH));
                Instant began = clock.instant();
                pacer.pace(batch.size());
                String at = batch.get(batch.size() - 1).position();
                BatchMove result = jobs.moveBatch(job, leaseId, batch.stream().map(OwnedDeal::dealId).toList(), at,
                        audit(job));
                if (result instanceof BatchMove.ReceiverInactive) {
                    String reason = ReassignmentProblems.receiverInactiveReason(job.toUserId(), moved);
                    jobs.fail(job, reason, clock.instant());
                    return new Outcome.Failed(reason);
                }
                moved += ((BatchMove.Moved) result).dealIds().size();
                position = Optional.of(at);
                Instant now = clock.instant();
                Duration took = Duration.between(began, now);
                slowest = took.compareTo(slowest) > 0 ? took : slowest;
                boolean more = start + BATCH < owned.size() || page.after().isPresent();
                if (more && now.plus(slowest.multipliedBy(2)).isAfter(deadline)) {
                    jobs.release(job.ref(), leaseId);
                    queue.wakeUp(job.ref());
                    return new Outcome.Continued(moved);
                }
            }
            if (page.after().isEmpty()) {
                Instant at = clock.instant();
                jobs.succeed(job, leaseId, at);
                return new Outcome.Finished(finished(job, moved, at));
            }
            position = page.after();
        }
    }

    private AuditEvent audit(DealReassignment job) {
        return DealReassignments.moved(job.workspaceId(), job.requestedBy(), job.fromUserId(), job.toUserId(),
                clock.instant(), Map.of("reassignmentId", job.id()));
    }

    private static DealReassignment finished(DealReassignment job, long moved, Instant at) {
        return new DealReassignment(job.id(), job.workspaceId(), job.fromUserId(), job.toUserId(), job.requestedBy(),
                ReassignmentStatus.SUCCEEDED, job.estimatedDeals(), job.estimateCapped(), moved, Optional.empty(),
                Optional.empty(), job.createdAt(), Optional.of(at));
    }

    private void recordAttemptFailure(ReassignmentRef ref, String leaseId, RuntimeException cause) {
        try {
            jobs.recordAttemptFailure(ref, leaseId, describe(cause));
        } catch (RuntimeException alsoFailed) {
            cause.addSuppressed(alsoFailed);
        }
    }

    /** A short reason for the job's error field: the kind of fault, never data. */
    static String describe(Throwable e) {
        String text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return text.length() > 300 ? text.substring(0, 300) : text;
    }
}
