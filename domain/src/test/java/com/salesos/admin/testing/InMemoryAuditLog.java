package com.salesos.admin.testing;

import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.audit.AuditTrail;
import com.salesos.admin.common.Page;
import com.salesos.admin.common.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The audit records the in-memory stores commit together with their change: a refused change
 * appends nothing, as the store's transaction would write nothing.
 */
public final class InMemoryAuditLog implements AuditTrail {

    private final List<AuditEvent> events = new ArrayList<>();

    public void append(AuditEvent event) {
        events.add(event);
    }

    public List<AuditEvent> events() {
        return List.copyOf(events);
    }

    public List<String> actions() {
        return events.stream().map(AuditEvent::action).toList();
    }

    public AuditEvent last() {
        if (events.isEmpty()) {
            throw new AssertionError("no audit record was written");
        }
        return events.get(events.size() - 1);
    }

    /** The fields before the last change, typed for assertions. */
    public Map<String, Object> lastBefore() {
        return Map.copyOf(last().before());
    }

    /** The fields after the last change, typed for assertions. */
    public Map<String, Object> lastAfter() {
        return Map.copyOf(last().after());
    }

    @Override
    public Page<Entry> newestFirst(String workspaceId, PageRequest page) {
        List<Entry> entries = new ArrayList<>();
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).workspaceId().equals(workspaceId)) {
                entries.add(new Entry("aud_" + i, events.get(i)));
            }
        }
        return Pages.of(entries, page);
    }
}
