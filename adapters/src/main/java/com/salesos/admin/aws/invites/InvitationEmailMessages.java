package com.salesos.admin.aws.invites;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The invitation queue's message body, {@code {"workspaceId":"…","invitationId":"…"}}: only a
 * reference, never the link (the sender issues it). Ids are restricted to {@code [A-Za-z0-9_-]},
 * so the body needs no JSON escaping and anything else on the queue is recognised as foreign.
 */
public final class InvitationEmailMessages {

    private static final Pattern BODY = Pattern.compile(
            "^\\s*\\{\\s*\"workspaceId\"\\s*:\\s*\"([A-Za-z0-9_-]{1,64})\"\\s*,\\s*\"invitationId\"\\s*:\\s*\"([A-Za-z0-9_-]{1,64})\"\\s*}\\s*$");

    private InvitationEmailMessages() {
    }

    public record Ref(String workspaceId, String invitationId) {
    }

    public static String body(String workspaceId, String invitationId) {
        return "{\"workspaceId\":\"" + workspaceId + "\",\"invitationId\":\"" + invitationId + "\"}";
    }

    public static Optional<Ref> parse(String body) {
        Matcher matcher = body == null ? null : BODY.matcher(body);
        return matcher != null && matcher.matches() ? Optional.of(new Ref(matcher.group(1), matcher.group(2))) : Optional.empty();
    }
}
