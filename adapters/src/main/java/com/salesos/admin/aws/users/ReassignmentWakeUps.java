package com.salesos.admin.aws.users;

import com.salesos.admin.users.ReassignmentRef;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reassignment queue's message body, {@code {"workspaceId":"…","reassignmentId":"…"}}: only a
 * reference, never data. Ids are restricted to {@code [A-Za-z0-9_-]}, so the body needs no JSON
 * escaping, and anything else on the queue is recognised as foreign.
 */
public final class ReassignmentWakeUps {

    private static final Pattern BODY = Pattern.compile(
            "^\\s*\\{\\s*\"workspaceId\"\\s*:\\s*\"([A-Za-z0-9_-]{1,64})\"\\s*,\\s*\"reassignmentId\"\\s*:\\s*\"([A-Za-z0-9_-]{1,64})\"\\s*}\\s*$");

    private ReassignmentWakeUps() {
    }

    public static String body(ReassignmentRef ref) {
        return "{\"workspaceId\":\"" + ref.workspaceId() + "\",\"reassignmentId\":\"" + ref.jobId() + "\"}";
    }

    public static Optional<ReassignmentRef> parse(String body) {
        Matcher matcher = body == null ? null : BODY.matcher(body);
        return matcher != null && matcher.matches()
                ? Optional.of(new ReassignmentRef(matcher.group(1), matcher.group(2))) : Optional.empty();
    }
}
