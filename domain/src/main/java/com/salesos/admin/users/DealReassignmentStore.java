package com.salesos.admin.users;

import com.salesos.admin.audit.AuditEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: background deal reassignments and the rules the store enforces for them. One active
 * reassignment per source user; a worker works on one only while it holds its lease, and every
 * write it makes is conditioned on still holding it. Moving a batch of deals, counting them on the
 * job and moving its checkpoint are one commit, so a crash never loses or double-counts a move.
 */
public interface DealReassignmentStore {

    /** Creates a QUEUED job unless the source user has an active one. */
    Creation create(DealReassignment job);

    /**
     * Undoes {@link #create} for a job whose queue message could not be sent, if it is still
     * queued; false if a worker has it already (SQS took the message after all).
     */
    boolean withdraw(DealReassignment job);

    Optional<DealReassignment> find(ReassignmentRef ref);

    /** Takes the job's lease if the job is active and nobody holds an unexpired lease on it. */
    Claim claim(ReassignmentRef ref, String leaseId, Instant now, Instant leaseUntil);

    /**
     * In one commit: moves each listed deal that is still owned by the job's source user (to its
     * receiver, who must still be active), adds the number moved to the job's count, sets the job's
     * position to {@code position}, and writes an audit record of the deals moved (none if nothing
     * moved). Deals someone else changed meanwhile are left out, never retried into the count.
     * @throws LeaseLost if this worker no longer holds the job
     */
    BatchMove moveBatch(DealReassignment job, String leaseId, List<String> dealIds, String position, AuditEvent audit);

    /** Lets the next invocation claim the job at once (its checkpoint is already saved with every batch). */
    void release(ReassignmentRef ref, String leaseId);

    /** RUNNING to SUCCEEDED and frees the source user's active slot. */
    void succeed(DealReassignment job, String leaseId, Instant at);

    /** A failed attempt: keeps its reason for the job's final error and releases the lease. Best effort. */
    void recordAttemptFailure(ReassignmentRef ref, String leaseId, String reason);

    /**
     * QUEUED or RUNNING to FAILED whoever holds the lease, freeing the slot. False if it had
     * finished already (or does not exist).
     */
    boolean fail(DealReassignment job, String reason, Instant at);

    sealed interface Creation {
        record Created(DealReassignment job) implements Creation {
        }

        record Busy(String activeJobId) implements Creation {
        }
    }

    sealed interface Claim {
        record Claimed(DealReassignment job) implements Claim {
        }

        /** Another invocation holds an unexpired lease. */
        record Busy() implements Claim {
        }

        /** Succeeded or failed already. */
        record Finished(DealReassignment job) implements Claim {
        }

        record Missing() implements Claim {
        }
    }

    sealed interface BatchMove {
        /** Committed: these deals moved (possibly none), and the job's count and position with them. */
        record Moved(List<String> dealIds) implements BatchMove {
            public Moved {
                dealIds = List.copyOf(dealIds);
            }
        }

        /** Nothing committed: the receiver is no longer an active user. */
        record ReceiverInactive() implements BatchMove {
        }
    }

    /** The lease was taken over (it expired) or the job was failed meanwhile: stop without writing. */
    final class LeaseLost extends RuntimeException {
        public LeaseLost(ReassignmentRef ref) {
            super("reassignment " + ref.jobId() + " is no longer held by this worker", null, false, false);
        }
    }
}
