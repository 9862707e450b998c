package com.salesos.admin.functions.invites;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The JSON body of POST /v1/invitations. Missing fields arrive as null and are reported by the use case. */
@Serdeable
public record InvitationForm(@Nullable String email, @Nullable String name, @Nullable String role,
                             @Nullable String teamId) {
}
