package com.salesos.admin.support;

import com.salesos.admin.problems.DomainException;
import com.salesos.admin.problems.FieldError;
import com.salesos.admin.problems.ProblemKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The refusals of workspace deletion, each worded once. */
public final class DeletionProblems {

    private DeletionProblems() {
    }

    /** A step the request's current state does not allow (confirm twice, execute unconfirmed, cancel a running one). */
    public static DomainException notAllowedIn(DeletionRequest request, String step) {
        return new DomainException(ProblemKind.CONFLICT, "deletion-step-not-allowed", "Not possible in this state",
                "Deletion request " + request.id() + " is " + request.state().code() + " and cannot be " + step,
                List.of(), Map.of("deletionRequestId", request.id(), "state", request.state().code()));
    }

    /** The Admin typed something other than the workspace's exact name; the attempt was counted. */
    public static DomainException nameMismatch(DeletionRequest counted) {
        return new DomainException(ProblemKind.INVALID_INPUT, "workspace-name-mismatch", "Workspace name does not match",
                "Type the workspace's name exactly as it is shown to confirm its deletion; wrong attempts so far: "
                        + counted.failedConfirmations(),
                List.of(new FieldError("workspaceName", "is not the workspace's exact name")),
                Map.of("failedConfirmations", counted.failedConfirmations()));
    }

    /** Support restated another workspace than the one the request deletes. */
    public static DomainException wrongWorkspaceRestated() {
        return DomainException.invalidField("workspaceId", "is not the workspace this request deletes");
    }

    public static DomainException waitingPeriodRunning(DeletionRequest request, Instant executableAt, Instant now) {
        long seconds = Math.max(1, Duration.between(now, executableAt).plusMillis(999).toSeconds());
        return new DomainException(ProblemKind.CONFLICT, "deletion-waiting-period", "Waiting period not over",
                "Deletion request " + request.id() + " can be executed from " + executableAt,
                List.of(), Map.of(DomainException.RETRY_AFTER, seconds, "executableAt", executableAt.toString()));
    }

    /** A workspace has at most one deletion request that is not finished or cancelled. */
    public static DomainException alreadyRequested(String workspaceId, String liveRequestId) {
        return new DomainException(ProblemKind.CONFLICT, "deletion-already-requested", "Deletion already requested",
                "Workspace " + workspaceId + " already has deletion request " + liveRequestId,
                List.of(), Map.of("deletionRequestId", liveRequestId));
    }

    /** Only an Admin of the workspace confirms or cancels its deletion. */
    public static DomainException adminOnly() {
        return new DomainException(ProblemKind.FORBIDDEN, "deletion-admin-only", "Admins only",
                "Only an Admin of the workspace may confirm or cancel its deletion");
    }

    /** Someone else moved the request at the same moment; nothing was written. */
    public static DomainException changedMeanwhile(String requestId) {
        return DomainException.conflict("deletion-request-changed", "Deletion request changed",
                "Deletion request " + requestId + " changed at the same moment; read it and try again");
    }
}
