package com.salesos.admin.access;

import com.salesos.admin.problems.DomainException;
import com.salesos.admin.problems.ProblemKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Nobody grants more than they hold (SPEC.md "Actors and access"). A caller may put someone into a
 * role (assign it, invite with it, define or redefine it) or take someone out of it only if the
 * caller holds every permission the role carries; the built-in Admin role additionally needs an
 * Admin, because it is more than its permissions: it is what the last-Admin quorum counts.
 * Deactivating and reactivating a user take away and give back their role's power, so they follow
 * the same rule.
 */
public final class GrantPolicy {

    private GrantPolicy() {
    }

    /** The permissions of {@code role} that {@code caller} lacks; empty when the caller may grant it. */
    public static Set<Permission> missing(Role callerRole, Role role) {
        Set<Permission> missing = role.permissions().isEmpty()
                ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(role.permissions());
        missing.removeAll(callerRole.permissions());
        return missing;
    }

    public static boolean mayGrant(Role callerRole, Role role) {
        boolean adminNeeded = role.id().equals(BuiltInRoles.ADMIN.id());
        return missing(callerRole, role).isEmpty() && (!adminNeeded || callerRole.id().equals(BuiltInRoles.ADMIN.id()));
    }

    /** Refuses with 403 naming what the caller lacks, unless the caller may grant {@code role}. */
    public static void requireMayGrant(Caller caller, Role role) {
        if (mayGrant(caller.role(), role)) {
            return;
        }
        List<String> lacking = missing(caller.role(), role).stream().map(Permission::code).sorted().toList();
        String detail = role.id().equals(BuiltInRoles.ADMIN.id())
                ? "Only an Admin may make or unmake an Admin"
                : "The role '" + role.name() + "' carries " + String.join(", ", lacking) + ", which your role '"
                        + caller.role().name() + "' does not hold; you can grant only permissions you hold";
        throw new DomainException(ProblemKind.FORBIDDEN, "grant-not-held", "Cannot grant what you do not hold",
                detail, List.of(), Map.of("missingPermissions", lacking));
    }
}
