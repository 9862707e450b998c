package com.salesos.admin.points;

import com.salesos.admin.audit.AuditEvent;
import java.time.Instant;
import java.util.List;

/** Port: the versions of a workspace's point settings. */
public interface PointSettingsStore {

    /** The newest version, or the defaults (version 0) if none was ever saved. */
    PointSettings current(String workspaceId);

    /** The version whose effectiveFrom is the latest at or before {@code at}. */
    PointSettings inForceAt(String workspaceId, Instant at);

    List<PointSettings> history(String workspaceId);

    /** Saves the next version if the current one is still {@code expectedVersion}; false otherwise. */
    boolean saveNext(String workspaceId, int expectedVersion, PointSettings next, AuditEvent audit);
}
