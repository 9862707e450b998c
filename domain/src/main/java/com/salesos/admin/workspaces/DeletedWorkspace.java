package com.salesos.admin.workspaces;

import com.salesos.admin.problems.DomainException;
import com.salesos.admin.problems.ProblemKind;
import java.util.List;
import java.util.Map;

/**
 * What a workspace whose deletion finished answers on its public documents (the Open Badges issuer
 * profile, achievements, images and credentials): 410 Gone, not 404, so that a verifier or a
 * cache learns the issuer is gone for good rather than that a link is wrong. Its authenticated
 * routes need a user of it, and none is left.
 */
public final class DeletedWorkspace {

    private DeletedWorkspace() {
    }

    public static DomainException gone(String workspaceId) {
        return new DomainException(ProblemKind.GONE, "workspace-deleted", "Workspace deleted",
                "Workspace " + workspaceId + " was deleted at its owner's request; its Open Badges documents are no longer"
                        + " published", List.of(), Map.of("workspaceId", workspaceId));
    }
}
