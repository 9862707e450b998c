package com.salesos.admin.functions.invites;

import com.salesos.admin.invites.Invitation;
import com.salesos.admin.web.RoleView;
import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Locale;

/** An invitation as API.md shows it. Never carries the token or its hash. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record InvitationView(String id, String email, String name, RoleView role, @Nullable String teamId,
                             String status, String delivery, Instant expiresAt, boolean expired, Instant createdAt) {

    static InvitationView of(Invitation invitation, RoleView role, Instant now) {
        return new InvitationView(invitation.id(), invitation.email().value(), invitation.name(), role,
                invitation.teamId(), invitation.status().name().toLowerCase(Locale.ROOT),
                invitation.delivery().name().toLowerCase(Locale.ROOT), invitation.expiresAt(),
                invitation.isPending() && invitation.isExpiredAt(now), invitation.createdAt());
    }
}
