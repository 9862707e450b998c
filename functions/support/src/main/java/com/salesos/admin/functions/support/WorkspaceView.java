package com.salesos.admin.functions.support;

import com.salesos.admin.support.WorkspaceSummary;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** A workspace as support sees it (API.md: id, name, tier, state). */
@Serdeable
public record WorkspaceView(String id, String name, String tier, long seatLimit, String state, Instant createdAt) {

    static WorkspaceView of(WorkspaceSummary workspace) {
        return new WorkspaceView(workspace.id(), workspace.name(), workspace.tier(), workspace.seatLimit(),
                workspace.state().code(), workspace.createdAt());
    }
}
