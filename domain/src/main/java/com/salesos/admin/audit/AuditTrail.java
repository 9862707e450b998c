package com.salesos.admin.audit;

import com.salesos.admin.common.Page;
import com.salesos.admin.common.PageRequest;

/** Port: reading a workspace's audit records, newest first. */
public interface AuditTrail {

    Page<Entry> newestFirst(String workspaceId, PageRequest page);

    record Entry(String id, AuditEvent event) {
    }
}
