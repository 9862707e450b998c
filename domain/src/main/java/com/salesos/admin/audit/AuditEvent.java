package com.salesos.admin.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One admin change: who did what to which thing, when, and the relevant fields before and after.
 * Field values are plain values as the API shows them (text, whole or decimal numbers, booleans,
 * lists and maps of these), so the audit log answers them as JSON values, never as Java's
 * {@code toString}. Never holds tokens, passwords or links.
 */
public record AuditEvent(String workspaceId, String actorUserId, String action, String targetType,
                         String targetId, Instant at, Map<String, ?> before, Map<String, ?> after) {

    public AuditEvent {
        before = Map.copyOf(before);
        after = Map.copyOf(after);
    }
}
