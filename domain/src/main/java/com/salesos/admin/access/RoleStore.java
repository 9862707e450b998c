package com.salesos.admin.access;

import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.common.IdempotencyKey;
import java.util.List;
import java.util.Optional;

/** Port: a workspace's custom roles. Names are unique per workspace (case-insensitive). */
public interface RoleStore {

    List<Role> listCustom(String workspaceId);

    /**
     * Stores a new custom role unless the workspace already has {@code max} ({@link Outcome.LimitReached}),
     * counted in the same write. With a key, a retry of the same creation answers
     * {@link Outcome.Replayed} instead of creating twice.
     */
    Outcome create(String workspaceId, Role role, AuditEvent audit, Optional<IdempotencyKey> key, int max);

    Outcome update(String workspaceId, Role current, Role updated, AuditEvent audit);

    /** Refused while any user or pending invitation holds the role. */
    Outcome delete(String workspaceId, Role role, AuditEvent audit);

    sealed interface Outcome {
        record Done() implements Outcome {
        }

        record NameTaken() implements Outcome {
        }

        record InUse(long holders) implements Outcome {
        }

        /** The workspace already has as many custom roles as it may. */
        record LimitReached() implements Outcome {
        }

        /** The key was used before: for this role, and whether for the same request. */
        record Replayed(IdempotencyKey.Replay replay) implements Outcome {
        }

        /** Changed or deleted meanwhile. */
        record Stale() implements Outcome {
        }
    }
}
