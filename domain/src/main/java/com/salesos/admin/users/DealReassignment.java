package com.salesos.admin.users;

import java.time.Instant;
import java.util.Optional;

/**
 * A move of all of one user's deals to another, run in the background because it is large.
 * {@code moved} counts the deals moved so far, committed together with the moves themselves, so it
 * is exact at every moment; {@code position} is where in the owner listing the next run goes on
 * (the checkpoint). {@code estimatedDeals} is what the owner index counted when the job was
 * started, up to a cap ({@code estimateCapped}: there were at least that many).
 */
public record DealReassignment(String id, String workspaceId, String fromUserId, String toUserId, String requestedBy,
                               ReassignmentStatus status, long estimatedDeals, boolean estimateCapped, long moved,
                               Optional<String> position, Optional<String> error, Instant createdAt,
                               Optional<Instant> finishedAt) {

    public ReassignmentRef ref() {
        return new ReassignmentRef(workspaceId, id);
    }

    public static DealReassignment queued(String id, String workspaceId, String fromUserId, String toUserId,
                                          String requestedBy, long estimatedDeals, boolean estimateCapped, Instant at) {
        return new DealReassignment(id, workspaceId, fromUserId, toUserId, requestedBy, ReassignmentStatus.QUEUED,
                estimatedDeals, estimateCapped, 0, Optional.empty(), Optional.empty(), at, Optional.empty());
    }
}
