package com.salesos.admin.web;

import com.salesos.admin.users.User;
import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Locale;

/** A user as API.md shows it. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record UserView(String id, String email, String name, RoleView role, @Nullable String teamId, String status) {

    public static UserView of(User user, RoleView role) {
        return new UserView(user.id(), user.email().value(), user.name(), role, user.teamId(),
                user.status().name().toLowerCase(Locale.ROOT));
    }
}
