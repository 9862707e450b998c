package com.salesos.admin.users;

/**
 * Port: wakes a worker for a background reassignment. A wake-up carries only the job's reference;
 * the job's state in the store says what to do, so a duplicate or stale wake-up does nothing.
 */
public interface ReassignmentQueue {

    /** @throws QueueUnavailable when the message could not be sent */
    void wakeUp(ReassignmentRef ref);

    final class QueueUnavailable extends RuntimeException {
        public QueueUnavailable(String reason, Throwable cause) {
            super(reason, cause);
        }
    }
}
