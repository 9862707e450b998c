package com.salesos.admin.aws.exports;

import com.salesos.admin.exports.ExportRef;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The export queue's message body, {@code {"workspaceId":"…","jobId":"…"}}: only a reference,
 * never data. Ids are restricted to {@code [A-Za-z0-9_-]}, so the body needs no JSON escaping and
 * anything else on the queue is recognised as foreign.
 */
public final class ExportWakeUps {

    private static final Pattern BODY = Pattern.compile(
            "^\\s*\\{\\s*\"workspaceId\"\\s*:\\s*\"([A-Za-z0-9_-]{1,64})\"\\s*,\\s*\"jobId\"\\s*:\\s*\"([A-Za-z0-9_-]{1,64})\"\\s*}\\s*$");

    private ExportWakeUps() {
    }

    public static String body(ExportRef ref) {
        return "{\"workspaceId\":\"" + ref.workspaceId() + "\",\"jobId\":\"" + ref.jobId() + "\"}";
    }

    public static Optional<ExportRef> parse(String body) {
        Matcher matcher = body == null ? null : BODY.matcher(body);
        return matcher != null && matcher.matches() ? Optional.of(new ExportRef(matcher.group(1), matcher.group(2))) : Optional.empty();
    }
}
