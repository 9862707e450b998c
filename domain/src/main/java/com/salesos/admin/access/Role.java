package com.salesos.admin.access;

import java.util.EnumSet;
import java.util.Set;

/** A named set of permissions: one of the built-in roles or a custom role of a workspace. */
public record Role(String id, String name, Set<Permission> permissions, boolean builtIn) {

    public Role {
        permissions = permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
    }

    /**
     * The role a user or invitation names when that custom role was deleted under it: named by its
     * id, granting nothing, so the record stays readable and the request never fails on it.
     */
    public static Role deleted(String roleId) {
        return new Role(roleId, roleId, Set.of(), false);
    }

    public boolean grants(Permission permission) {
        return permissions.contains(permission);
    }
}
