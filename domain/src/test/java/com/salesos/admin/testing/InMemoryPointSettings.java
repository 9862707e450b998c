package com.salesos.admin.testing;

import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.points.PointSettings;
import com.salesos.admin.points.PointSettingsStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Versions of point settings, each saved only if the current version is still the one expected. */
public final class InMemoryPointSettings implements PointSettingsStore {

    private final Map<String, List<PointSettings>> versions = new HashMap<>();
    private final InMemoryAuditLog audit;

    public InMemoryPointSettings(InMemoryAuditLog audit) {
        this.audit = audit;
    }

    @Override
    public PointSettings current(String workspaceId) {
        List<PointSettings> saved = saved(workspaceId);
        return saved.isEmpty() ? PointSettings.defaults() : saved.get(saved.size() - 1);
    }

    @Override
    public PointSettings inForceAt(String workspaceId, Instant at) {
        PointSettings inForce = PointSettings.defaults();
        for (PointSettings version : saved(workspaceId)) {
            if (!version.effectiveFrom().isAfter(at)) {
                inForce = version;
            }
        }
        return inForce;
    }

    @Override
    public List<PointSettings> history(String workspaceId) {
        List<PointSettings> all = new ArrayList<>();
        all.add(PointSettings.defaults());
        all.addAll(saved(workspaceId));
        return all;
    }

    @Override
    public boolean saveNext(String workspaceId, int expectedVersion, PointSettings next, AuditEvent event) {
        if (current(workspaceId).version() != expectedVersion) {
            return false;
        }
        saved(workspaceId).add(next);
        audit.append(event);
        return true;
    }

    private List<PointSettings> saved(String workspaceId) {
        return versions.computeIfAbsent(workspaceId, ws -> new ArrayList<>());
    }
}
