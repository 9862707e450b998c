package com.salesos.admin.access;

import com.salesos.admin.audit.AuditEvent;
import java.util.List;

/** Port: a workspace's custom roles. Names are unique per workspace (case-insensitive). */
public interface RoleStore {

    List<Role> listCustom(String workspaceId);

    Outcome create(String workspaceId, Role role, AuditEvent audit);

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

        /** Changed or deleted meanwhile. */
        record Stale() implements Outcome {
        }
    }
}
