package com.salesos.admin.users;

import java.util.Optional;
import java.util.regex.Pattern;

/** Names one background deal reassignment: what travels in a queue message. */
public record ReassignmentRef(String workspaceId, String jobId) {

    private static final Pattern ID = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");

    public ReassignmentRef {
        if (!valid(workspaceId) || !valid(jobId)) {
            throw new IllegalArgumentException("not a reassignment reference");
        }
    }

    /** The reference, if both ids have the form ids have; anything else names nothing. */
    public static Optional<ReassignmentRef> of(String workspaceId, String jobId) {
        return valid(workspaceId) && valid(jobId) ? Optional.of(new ReassignmentRef(workspaceId, jobId)) : Optional.empty();
    }

    private static boolean valid(String id) {
        return id != null && ID.matcher(id).matches();
    }
}
