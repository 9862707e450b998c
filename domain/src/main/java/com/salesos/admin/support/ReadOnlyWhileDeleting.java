package com.salesos.admin.support;

/**
 * The one gate every workspace write passes (the access filter for every non-GET workspace route
 * and CRM post; the export worker before it starts): while a deletion is confirmed or running, the
 * workspace is read-only and a write is refused naming the request.
 */
public final class ReadOnlyWhileDeleting {

    private final DeletionRequestStore requests;

    public ReadOnlyWhileDeleting(DeletionRequestStore requests) {
        this.requests = requests;
    }

    public void requireWritable(String workspaceId) {
        requests.lockOf(workspaceId).ifPresent(requestId -> {
            throw DeletionProblems.workspaceReadOnly(requestId);
        });
    }
}
