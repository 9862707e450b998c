package com.salesos.admin.support;

import com.salesos.admin.workspaces.WorkspaceLock;

/**
 * The early look at the lock, before anything is done: the access filter for every non-GET
 * workspace route and CRM post, and the export worker before it wakes a job. It answers the
 * refusal before any side effect (an email, an account); what makes the rule hold under races is
 * the store, which commits a workspace write only while its workspace item carries no lock
 * ({@link com.salesos.admin.workspaces.WorkspaceLock}).
 */
public final class ReadOnlyWhileDeleting {

    private final DeletionRequestStore requests;

    public ReadOnlyWhileDeleting(DeletionRequestStore requests) {
        this.requests = requests;
    }

    public void requireWritable(String workspaceId) {
        requests.lockOf(workspaceId).ifPresent(requestId -> {
            throw WorkspaceLock.refusal(requestId);
        });
    }
}
