package com.salesos.admin.access;

import com.salesos.admin.problems.DomainException;
import com.salesos.admin.problems.ProblemKind;

/** Refusals about who is calling that more than one gate gives (the gateway and the access filter). */
public final class AccessProblems {

    private AccessProblems() {
    }

    /** No verified identity came with the request. */
    public static DomainException signInRequired() {
        return new DomainException(ProblemKind.UNAUTHENTICATED, "unauthenticated", "Sign-in required",
                "A valid, unexpired bearer token is required");
    }

    /** The caller's role lacks the permission the action needs. */
    public static DomainException permissionMissing(Role role, Permission required) {
        return new DomainException(ProblemKind.FORBIDDEN, "permission-missing", "Permission missing",
                "The role '" + role.name() + "' does not have the permission '" + required.code() + "'");
    }
}
