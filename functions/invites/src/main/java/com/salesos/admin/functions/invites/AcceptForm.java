package com.salesos.admin.functions.invites;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The JSON body of POST /v1/invitations/accept. */
@Serdeable
public record AcceptForm(@Nullable String token, @Nullable String password) {
}
