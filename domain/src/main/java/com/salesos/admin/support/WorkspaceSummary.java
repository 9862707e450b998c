package com.salesos.admin.support;

import java.time.Instant;

/** One workspace as support lists it; no personal data. */
public record WorkspaceSummary(String id, String name, String tier, long seatLimit, WorkspaceState state,
                               Instant createdAt) {
}
