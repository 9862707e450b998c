package com.salesos.admin.access;

import java.util.EnumSet;
import java.util.Set;

/** A named set of permissions: one of the built-in roles or a custom role of a workspace. */
public record Role(String id, String name, Set<Permission> permissions, boolean builtIn) {

    public Role {
        permissions = permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
    }

    public boolean grants(Permission permission) {
        return permissions.contains(permission);
    }
}
