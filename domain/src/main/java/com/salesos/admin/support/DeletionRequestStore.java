package com.salesos.admin.support;

import com.salesos.admin.common.IdempotencyKey;
import com.salesos.admin.audit.AuditEvent;
import java.util.Optional;

/** Port: deletion requests, each change committed with its audit record and the workspace's lock. */
public interface DeletionRequestStore {

    /**
     * Stores a new request unless the workspace already has a live one, or no longer exists; with a key, a retry of the same opening
     * stores nothing and answers {@link Opening.Replayed} with what the first one opened.
     */
    Opening open(DeletionRequest request, AuditEvent audit, Optional<IdempotencyKey> key);

    /** Without a key: what seeding in tests and the local stack do. */
    default Opening open(DeletionRequest request, AuditEvent audit) {
        return open(request, audit, Optional.empty());
    }

    Optional<DeletionRequest> find(String requestId);

    /**
     * Replaces {@code current} by {@code next} if nobody changed it meanwhile, and in the same
     * commit locks the workspace (read-only) when {@code next} locks it, unlocks it when it no
     * longer does, and frees the workspace's live slot when {@code next} is no longer live.
     *
     * @return false, writing nothing, when the stored request is no longer {@code current}
     */
    boolean replace(DeletionRequest current, DeletionRequest next, AuditEvent audit);

    /** The live request that makes the workspace read-only (confirmed or running), if any. */
    Optional<String> lockOf(String workspaceId);

    /** How far the purge of a running request got ({@link PurgeProgress#start()} before its first save). */
    PurgeProgress progress(DeletionRequest running);

    /**
     * Saves the purge's progress if it is still {@code current} (same version).
     *
     * @return false, writing nothing, when another run saved meanwhile
     */
    boolean saveProgress(DeletionRequest running, PurgeProgress current, PurgeProgress next);

    /**
     * The last step, all at once: the request becomes its tombstone {@code done}, the workspace's
     * item (with its lock) and live slot go, and support's directory marks the workspace deleted.
     *
     * @return false, writing nothing, when the request or its progress moved on meanwhile
     */
    boolean finish(DeletionRequest running, PurgeProgress last, DeletionRequest done);

    sealed interface Opening {
        record Opened() implements Opening {
        }

        record AlreadyRequested(String liveRequestId) implements Opening {
        }

        /** The key was used before: for this request, and whether for the same body. */
        record Replayed(IdempotencyKey.Replay replay) implements Opening {
        }

        /** The workspace is gone (deleted meanwhile): nothing of it may be written again. */
        record NoWorkspace() implements Opening {
        }
    }
}
