package com.salesos.admin.support;

import java.time.Instant;

/**
 * Where a workspace deletion request is. The only way from one state to the next is through
 * {@link DeletionRequest}'s transitions, which refuse every other move in one place:
 * <pre>
 *   Open --Admin confirms by name--> Confirmed --support executes after the wait--> Running --> Done
 *   Open | Confirmed --support or an Admin cancels--> Cancelled
 * </pre>
 */
public sealed interface DeletionState {

    /** The wire name of the state (API answers, the table). */
    String code();

    /** Support opened it; an Admin of the workspace has to confirm by typing the workspace's name. */
    record Open() implements DeletionState {
        public String code() {
            return "open";
        }
    }

    /** An Admin confirmed; support may execute from {@code executableAt}. The workspace is read-only. */
    record Confirmed(String confirmedBy, Instant confirmedAt, Instant executableAt) implements DeletionState {
        public String code() {
            return "confirmed";
        }
    }

    /**
     * Support executed; the data is being deleted in the background (its progress is kept apart,
     * with the workspace). The workspace is read-only.
     */
    record Running(String confirmedBy, Instant confirmedAt, String executedBy, Instant startedAt) implements DeletionState {
        public String code() {
            return "running";
        }
    }

    /**
     * Everything of the workspace is gone; the request stays as its tombstone: who confirmed and
     * executed it and when, and what was removed. No personal data.
     */
    record Done(String confirmedBy, Instant confirmedAt, String executedBy, Instant startedAt, Instant finishedAt,
                PurgeCounts deleted) implements DeletionState {
        public String code() {
            return "done";
        }
    }

    record Cancelled(String cancelledBy, Instant cancelledAt) implements DeletionState {
        public String code() {
            return "cancelled";
        }
    }
}
