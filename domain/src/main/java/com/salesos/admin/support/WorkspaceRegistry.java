package com.salesos.admin.support;

import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.common.IdempotencyKey;
import com.salesos.admin.common.Page;
import com.salesos.admin.common.PageRequest;
import java.util.Optional;

/** Port: the workspaces that exist, as support creates and lists them. */
public interface WorkspaceRegistry {

    /**
     * Creates the workspace (its counters empty, its first billing period starting at
     * {@code createdAt}), lists it for support and appends the audit record, all or nothing.
     */
    Registration register(WorkspaceSummary workspace, AuditEvent audit, Optional<IdempotencyKey> key);

    Page<WorkspaceSummary> list(PageRequest page);

    Optional<WorkspaceSummary> find(String workspaceId);

    sealed interface Registration {
        record Registered(WorkspaceSummary workspace) implements Registration {
        }

        /** An earlier request with the same key created {@code workspaceId}. */
        record Replayed(String workspaceId, boolean sameRequest) implements Registration {
        }
    }
}
