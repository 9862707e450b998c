package com.salesos.admin.exports;

import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.common.IdempotencyKey;
import com.salesos.admin.common.Page;
import com.salesos.admin.common.PageRequest;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Port: export jobs and the rules the store enforces for them. One active job per workspace; a
 * worker works on a job only while it holds the job's lease, and every write it makes is
 * conditioned on still holding it.
 */
public interface ExportJobStore {

    /** Creates a QUEUED job unless the workspace has an active one. */
    Creation create(ExportJob job, AuditEvent audit, Optional<IdempotencyKey> key);

    /**
     * Undoes {@link #create} for a job whose queue message could not be sent, if it is still queued;
     * false when a worker took it meanwhile (the message arrived after all, only its answer was lost).
     */
    boolean withdraw(ExportJob job, Optional<IdempotencyKey> key, AuditEvent audit);

    Optional<ExportJob> find(ExportRef ref);

    /** Newest first. */
    Page<ExportJob> list(String workspaceId, PageRequest page);

    /** Takes the job's lease if the job is active and nobody holds an unexpired lease on it. */
    Claim claim(ExportRef ref, String leaseId, Instant now, Instant leaseUntil);

    /** Records written so far, shown while the job runs. */
    void saveProgress(ExportRef ref, String leaseId, Map<ExportEntity, Long> progress);

    /** Saves where the job stands; {@code releaseLease} lets the next invocation claim it at once. */
    void saveCheckpoint(ExportRef ref, String leaseId, ExportCheckpoint checkpoint, boolean releaseLease);

    /** RUNNING to SUCCEEDED with the result, frees the workspace's active slot, claims the notice (SENDING). */
    void succeed(ExportRef ref, String leaseId, ExportResult result, Instant at);

    /** A failed attempt: keeps its reason for the job's final error and releases the lease. Best effort. */
    void recordAttemptFailure(ExportRef ref, String leaseId, String reason);

    /**
     * QUEUED or RUNNING to FAILED whoever holds the lease, frees the active slot, claims the notice.
     * False if the job had already finished (or does not exist).
     */
    boolean fail(ExportRef ref, String reason, Instant at);

    /** PENDING to SENDING; false if someone else has it or it is sent. */
    boolean claimNotice(ExportRef ref);

    void noticeSent(ExportRef ref);

    /** SENDING back to PENDING after the mail provider refused, so a retry sends it. */
    void noticeNotSent(ExportRef ref);

    sealed interface Creation {
        record Created(ExportJob job) implements Creation {
        }

        record Replayed(String jobId, boolean sameRequest) implements Creation {
        }

        record Busy(String activeJobId) implements Creation {
        }
    }

    sealed interface Claim {
        record Claimed(ExportJob job) implements Claim {
        }

        /** Another invocation holds an unexpired lease. */
        record Busy() implements Claim {
        }

        /** Succeeded or failed already. */
        record Finished(ExportJob job) implements Claim {
        }

        record Missing() implements Claim {
        }
    }

    /** The lease was taken over (it expired) or the job was failed meanwhile: stop without writing. */
    final class LeaseLost extends RuntimeException {
        public LeaseLost(ExportRef ref) {
            super("export " + ref.jobId() + " is no longer held by this worker", null, false, false);
        }
    }
}
