package com.salesos.admin.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One admin change: who did what to which thing, when, and the relevant fields before and after.
 * Never holds tokens, passwords or links.
 */
public record AuditEvent(String workspaceId, String actorUserId, String action, String targetType,
                         String targetId, Instant at, Map<String, String> before, Map<String, String> after) {

    public AuditEvent {
        before = Map.copyOf(before);
        after = Map.copyOf(after);
    }
}
