package com.salesos.admin.support;

import com.salesos.admin.support.DeletionState.Cancelled;
import com.salesos.admin.support.DeletionState.Confirmed;
import com.salesos.admin.support.DeletionState.Done;
import com.salesos.admin.support.DeletionState.Open;
import com.salesos.admin.support.DeletionState.Running;
import java.time.Duration;
import java.time.Instant;

/**
 * A request to delete a workspace for good, and the one place that says which step may follow
 * which: every transition below checks the current state and refuses any other move. Holds no
 * personal data (staff and user ids, the ticket, support's reason), so it can stay as the
 * workspace's tombstone after everything else is gone.
 *
 * @param failedConfirmations how often an Admin typed a wrong workspace name
 */
public record DeletionRequest(String id, String workspaceId, String ticket, String reason, String openedBy,
                              Instant openedAt, DeletionState state, int failedConfirmations) {

    public static DeletionRequest open(String id, String workspaceId, String ticket, String reason, String openedBy,
                                       Instant at) {
        return new DeletionRequest(id, workspaceId, ticket, reason, openedBy, at, new Open(), 0);
    }

    /** The workspace is read-only while the deletion is confirmed or running. */
    public boolean locksWorkspace() {
        return state instanceof Confirmed || state instanceof Running;
    }

    /** Not yet finished or cancelled: a workspace has at most one such request. */
    public boolean isLive() {
        return !(state instanceof Done || state instanceof Cancelled);
    }

    /** A wrong name was typed: counted, nothing else changes. */
    public DeletionRequest wrongNameTyped() {
        requireOpen("confirmed");
        return new DeletionRequest(id, workspaceId, ticket, reason, openedBy, openedAt, state, failedConfirmations + 1);
    }

    /** An Admin confirmed by the exact name; support may execute once {@code waitingPeriod} has passed. */
    public DeletionRequest confirmedBy(String adminUserId, Instant at, Duration waitingPeriod) {
        requireOpen("confirmed");
        return with(new Confirmed(adminUserId, at, at.plus(waitingPeriod)));
    }

    /** Support executes, restating the workspace it means, after the waiting period. */
    public DeletionRequest executedBy(String staffId, String restatedWorkspaceId, Instant at) {
        if (!(state instanceof Confirmed confirmed)) {
            throw DeletionProblems.notAllowedIn(this, "executed");
        }
        if (!workspaceId.equals(restatedWorkspaceId)) {
            throw DeletionProblems.wrongWorkspaceRestated();
        }
        if (at.isBefore(confirmed.executableAt())) {
            throw DeletionProblems.waitingPeriodRunning(this, confirmed.executableAt(), at);
        }
        return with(new Running(confirmed.confirmedBy(), confirmed.confirmedAt(), staffId, at));
    }

    /**
     * Support or an Admin cancels, as long as support has not executed it. The free-text reason
     * goes (it may name people): a cancelled request is kept for the record, and would otherwise
     * outlive a later deletion of the workspace with it, since the purge keeps deletion requests.
     */
    public DeletionRequest cancelledBy(String actorId, Instant at) {
        if (!(state instanceof Open || state instanceof Confirmed)) {
            throw DeletionProblems.notAllowedIn(this, "cancelled");
        }
        return new DeletionRequest(id, workspaceId, ticket, "", openedBy, openedAt, new Cancelled(actorId, at),
                failedConfirmations);
    }

    /**
     * The background deletion finished, having removed {@code deleted}. Support's free-text reason
     * goes with the data (it may name people); ids, ticket, times and counts stay as the tombstone.
     */
    public DeletionRequest finished(Instant at, PurgeCounts deleted) {
        if (!(state instanceof Running running)) {
            throw DeletionProblems.notAllowedIn(this, "finished");
        }
        return new DeletionRequest(id, workspaceId, ticket, "", openedBy, openedAt, new Done(running.confirmedBy(),
                running.confirmedAt(), running.executedBy(), running.startedAt(), at, deleted), failedConfirmations);
    }

    private void requireOpen(String step) {
        if (!(state instanceof Open)) {
            throw DeletionProblems.notAllowedIn(this, step);
        }
    }

    private DeletionRequest with(DeletionState next) {
        return new DeletionRequest(id, workspaceId, ticket, reason, openedBy, openedAt, next, failedConfirmations);
    }
}
