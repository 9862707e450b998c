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
}
