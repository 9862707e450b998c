package com.salesos.admin.access;

import com.salesos.admin.problems.DomainException;
import com.salesos.admin.problems.ProblemKind;

/** The refusals about roles, each built here once with its one wording. */
public final class RoleProblems {

    private RoleProblems() {
    }

    /** The role chosen for a user or invitation was deleted between the check and the write. */
    public static DomainException roleGone() {
        return DomainException.conflict("role-gone", "Role deleted", "The role was deleted meanwhile; choose another");
    }

    public static DomainException builtInRole() {
        return new DomainException(ProblemKind.CONFLICT, "built-in-role", "Built-in role",
                "The built-in roles Admin, Manager and Sales Rep cannot be changed or deleted");
    }

    public static DomainException nameTaken(Role role) {
        return DomainException.conflict("role-name-taken", "Role name taken",
                "This workspace already has a role named '" + role.name() + "'");
    }

    public static DomainException inUse(Role role, long holders) {
        return DomainException.conflict("role-in-use", "Role in use", "The role '" + role.name() + "' is held by "
                + holders + (holders == 1 ? " user or pending invitation" : " users or pending invitations")
                + "; give them another role first");
    }

    public static DomainException limitReached(int max) {
        return DomainException.conflict("role-limit", "Too many custom roles",
                "A workspace can have at most " + max + " custom roles; delete one first");
    }

    public static DomainException changedMeanwhile() {
        return DomainException.conflict("role-changed", "Role changed meanwhile",
                "Someone changed or deleted this role at the same time; reload and try again");
    }
}
