package com.salesos.admin.web;

import com.salesos.admin.access.Role;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/** How every response shows a role: {@code {id, name}}. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RoleView(String id, String name) {

    public static RoleView of(Role role) {
        return new RoleView(role.id(), role.name());
    }
}
