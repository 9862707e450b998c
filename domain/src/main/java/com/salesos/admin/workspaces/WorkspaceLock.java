package com.salesos.admin.workspaces;

import com.salesos.admin.problems.DomainException;
import com.salesos.admin.problems.ProblemKind;
import java.util.List;
import java.util.Map;

/**
 * A workspace whose deletion is confirmed or running is read-only: its workspace item carries the
 * id of that deletion request, and every write to the workspace commits only while the item
 * carries none (the store checks it in the write's own transaction). This is the one wording of
 * the refusal, wherever it is noticed: the access filter before a write, a store transaction the
 * lock cancelled, an invitation accept.
 */
public final class WorkspaceLock {

    private WorkspaceLock() {
    }

    /** Every write to a workspace while its deletion is confirmed or running. */
    public static DomainException refusal(String deletionRequestId) {
        return new DomainException(ProblemKind.CONFLICT, "workspace-being-deleted", "Workspace is being deleted",
                "This workspace is read-only: its deletion was confirmed (deletion request " + deletionRequestId
                        + "); an Admin or support may still cancel it until support executes it",
                List.of(), Map.of("deletionRequestId", deletionRequestId));
    }
}
