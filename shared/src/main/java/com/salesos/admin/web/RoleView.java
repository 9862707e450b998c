package com.salesos.admin.web;

import com.salesos.admin.access.Role;
import io.micronaut.serde.annotation.Serdeable;

/** How every response shows a role: {@code {id, name}}. */
@Serdeable
public record RoleView(String id, String name) {

    public static RoleView of(Role role) {
        return new RoleView(role.id(), role.name());
    }
}
