package com.salesos.admin.access;

import java.util.Optional;

/**
 * The role-holder rule: every user and pending invitation in a custom role counts as one of its
 * holders; a custom role can be taken only while it exists, and is deleted only while nobody holds
 * it, so no one is ever left in a role that no longer exists. Built-in roles cannot be deleted, so
 * their holders are not counted.
 */
public record RoleHolding(String roleId, int delta) {

    /** Someone takes {@code roleId}; empty for a built-in role, which is not counted. */
    public static Optional<RoleHolding> take(String roleId) {
        return counted(roleId) ? Optional.of(new RoleHolding(roleId, 1)) : Optional.empty();
    }

    /** Someone gives up {@code roleId}; empty for a built-in role, which is not counted. */
    public static Optional<RoleHolding> giveUp(String roleId) {
        return counted(roleId) ? Optional.of(new RoleHolding(roleId, -1)) : Optional.empty();
    }

    /** Only custom roles count their holders. Matched by exact id: a role id, never a display name. */
    public static boolean counted(String roleId) {
        return BuiltInRoles.ALL.stream().noneMatch(r -> r.id().equals(roleId));
    }

    /** A custom role may be deleted only while nobody holds it. */
    public static boolean mayDelete(long holders) {
        return holders == 0;
    }
}
