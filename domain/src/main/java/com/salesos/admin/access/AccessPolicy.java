package com.salesos.admin.access;

import com.salesos.admin.problems.DomainException;
import com.salesos.admin.problems.ProblemKind;
import com.salesos.admin.access.UserStatus;

/**
 * Decides whether an authenticated subject may use a route that needs a permission. The caller
 * is loaded from the store for every decision.
 */
public final class AccessPolicy {

    private final CallerDirectory callers;

    public AccessPolicy(CallerDirectory callers) {
        this.callers = callers;
    }

    public Caller authorize(String subject, Permission required) {
        Caller caller = authenticate(subject);
        if (!caller.role().grants(required)) {
            throw AccessProblems.permissionMissing(caller.role(), required);
        }
        return caller;
    }

    /** Any active user of a workspace, whatever their role. */
    public Caller authenticate(String subject) {
        Caller caller = callers.findBySubject(subject).orElseThrow(() -> new DomainException(
                ProblemKind.FORBIDDEN, "no-workspace-account", "No SalesOS account",
                "The signed-in identity has no account in any workspace"));
        if (caller.status() != UserStatus.ACTIVE) {
            throw new DomainException(ProblemKind.FORBIDDEN, "account-deactivated", "Account deactivated",
                    "This account has been deactivated by a workspace admin");
        }
        return caller;
    }
}
