package com.salesos.admin.exports;

import java.util.regex.Pattern;

/** Names one export job: what travels in a queue message. */
public record ExportRef(String workspaceId, String jobId) {

    private static final Pattern ID = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");

    public ExportRef {
        if (workspaceId == null || !ID.matcher(workspaceId).matches() || jobId == null || !ID.matcher(jobId).matches()) {
            throw new IllegalArgumentException("not an export reference");
        }
    }
}
