package com.salesos.admin.support;

import com.salesos.admin.audit.AuditEvent;
import java.util.Optional;

/** Port: deletion requests, each change committed with its audit record and the workspace's lock. */
public interface DeletionRequestStore {

    /** Stores a new request unless the workspace already has a live one. */
    Opening open(DeletionRequest request, AuditEvent audit);

    Optional<DeletionRequest> find(String requestId);

    /**
     * Replaces {@code current} by {@code next} if nobody changed it meanwhile, and in the same
     * commit makes the workspace read-only when {@code next} locks it, writable again when it no
     * longer does, and frees the workspace's live slot when {@code next} is no longer live.
     *
     * @return false, writing nothing, when the stored request is no longer {@code current}
     */
    boolean replace(DeletionRequest current, DeletionRequest next, AuditEvent audit);

    /** The live request that makes the workspace read-only (confirmed or running), if any. */
    Optional<String> lockOf(String workspaceId);

    sealed interface Opening {
        record Opened() implements Opening {
        }

        record AlreadyRequested(String liveRequestId) implements Opening {
        }
    }
}
