package com.salesos.admin.runtime;

/**
 * What ties a log line to one invocation and one caller: the function, Lambda's request id, API
 * Gateway's request id (HTTP only), the X-Ray trace id, and the workspace and caller once the
 * access filter knows them. Any of them may be unknown (null) and is then left out of the line.
 */
public record Correlation(String function, String requestId, String apiRequestId, String traceId,
                          String workspaceId, String callerId) {

    /** Outside any invocation (start-up, a background thread). */
    public static final Correlation NONE = new Correlation(null, null, null, null, null, null);

    /** The same invocation, now that the caller is known. */
    public Correlation identified(String workspaceId, String callerId) {
        return new Correlation(function, requestId, apiRequestId, traceId, workspaceId, callerId);
    }

    /**
     * The root of an X-Ray trace header ({@code Root=1-...;Parent=...;Sampled=1}), or the value as
     * it is when it has no {@code Root=} part; null stays null.
     */
    public static String traceRoot(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        for (String part : header.split(";")) {
            if (part.strip().startsWith("Root=")) {
                return part.strip().substring("Root=".length());
            }
        }
        return header.strip();
    }
}
