package com.salesos.admin.invites;

import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.common.EmailAddress;
import com.salesos.admin.common.IdempotencyKey;
import com.salesos.admin.invites.BulkScreening.Holder;
import com.salesos.admin.seats.Seats;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Port: where a bulk file's seat reservation and invitations live.
 *
 * <p>A file takes all the seats its valid rows need in one conditional change of the seat counter
 * (the reservation), so a file is invited entirely or not at all while single invitations keep
 * taking seats at the same time. Its rows are then written in batches (one transaction each,
 * guard and invitation together) by a few lanes in parallel; each lane has an item of its own
 * that counts the seats its batches used and names the run that holds the file, so lanes never
 * contend and a run that lost the file can no longer write. Closing the file gives back, in one
 * transaction, the seats no invitation used. A run holds the file for a lease; a file whose lease
 * ran out while still open was abandoned (its request crashed) and is taken over by a retry with
 * the same key or released by the sweep.
 */
public interface BulkInvitationStore {

    /** Who holds each address of the workspace now (users and pending invitations). */
    Map<EmailAddress, Holder> emailHolders(String workspaceId);

    /** The file an earlier request with this key created, if any. */
    Optional<IdempotencyKey.Replay> fileOf(String workspaceId, IdempotencyKey key);

    /**
     * Takes the seats of every lane (and holds each custom role the rows name, so it cannot be
     * deleted meanwhile), records the file open under {@code runId} and claims the key, atomically.
     */
    Reservation reserve(ReservationRequest request);

    Optional<FileState> find(String workspaceId, String fileId);

    /**
     * Reopens a file for a new run: either an abandoned open one (lease over) or a closed one with
     * rows left to write; sets each lane's capacity and takes or gives back the seat difference,
     * atomically, conditioned on the state observed.
     */
    Reservation resume(FileState observed, ResumeRequest request);

    /**
     * Writes one batch of a lane: every invitation with its email guard, the lane's count and the
     * audit record, in one transaction.
     */
    BatchResult write(Lease lease, int lane, List<Invitation> invitations, String invitedBy, AuditEvent audit);

    /** Every invitation of the file (any status). */
    List<Invitation> invitationsOf(String workspaceId, String fileId);

    /** Marks invitations whose email the queue did not take as failed, so they show it and can be resent. */
    void markNotQueued(String workspaceId, List<String> invitationIds);

    /**
     * Closes the file this run holds: seats no invitation used go back and role holds become the
     * exact count of the file's invitations. False if the run no longer holds the file.
     */
    boolean close(Lease lease);

    /** Open files whose lease ended before {@code now}. */
    List<FileState> abandoned(Instant now, int limit);

    /** Closes an abandoned file as {@link #close} would; false if it moved on meanwhile. */
    boolean release(FileState abandoned, Instant now);

    enum State { OPEN, SETTLED, RELEASED }

    record ReservationRequest(String workspaceId, String fileId, String runId, List<Long> laneSeats,
                              Set<String> customRoles, Instant expiresAt, Optional<IdempotencyKey> key,
                              String createdBy, Instant at) {
        public long seats() {
            return laneSeats.stream().mapToLong(Long::longValue).sum();
        }
    }

    /** {@code laneSeats} has one entry per lane of the file: the rows each lane will write now. */
    record ResumeRequest(String runId, List<Long> laneSeats, Set<String> customRoles, Instant expiresAt, Instant at) {
    }

    /**
     * The right of one run to write a file's lanes; {@code laneTotals} is what each lane may have
     * used in all when this run is done (the store's guard against writing more rows than seats).
     */
    record Lease(String workspaceId, String fileId, String runId, List<Long> laneTotals) {
    }

    record Lane(long total, long consumed) {
    }

    record FileState(String workspaceId, String fileId, State state, String runId, Instant expiresAt,
                     List<Lane> lanes, Set<String> heldRoles) {

        public boolean isOpen() {
            return state == State.OPEN;
        }

        /** Seats the file holds that no invitation uses yet (none once it is closed). */
        public long seatsHeld() {
            return isOpen() ? lanes.stream().mapToLong(l -> l.total() - l.consumed()).sum() : 0;
        }
    }

    sealed interface Reservation {
        record Reserved(Lease lease) implements Reservation {
        }

        /** Not enough free seats under the effective limit: nothing was taken. */
        record SeatsShort(Seats seats, long missing) implements Reservation {
        }

        /** A custom role a row names was deleted at the same moment. */
        record RoleGone() implements Reservation {
        }

        /** The key was claimed by a request that raced this one. */
        record KeyUsed(IdempotencyKey.Replay replay) implements Reservation {
        }

        /**
         * The file is no longer in the state observed (another run took it meanwhile), or the seat
         * counters kept moving under a stream of other changes; nothing was taken.
         */
        record Moved() implements Reservation {
        }
    }

    sealed interface BatchResult {
        record Written() implements BatchResult {
        }

        /** These addresses were taken meanwhile; nothing of the batch was written. */
        record EmailsTaken(Set<EmailAddress> emails) implements BatchResult {
        }

        /** The run no longer holds the file; nothing of the batch was written. */
        record LeaseLost() implements BatchResult {
        }
    }
}
