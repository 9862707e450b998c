package com.salesos.admin.access;

import com.salesos.admin.problems.DomainException;
import com.salesos.admin.problems.ProblemKind;
import java.util.Set;

/**
 * Support routes and workspace routes are apart. Provisioning and deleting workspaces is for
 * SalesOS support only: a token of the {@value #GROUP} group, which only pool administrators can
 * grant (never a sign-up or an invitation), so the verified group claim can be trusted for it. Such
 * a token may use no workspace route, whatever else it carries, and no workspace user may use a
 * support route, whatever their role.
 */
public final class SupportAccess {

    /** The Cognito group of support staff (template.yaml: SupportGroup). */
    public static final String GROUP = "support";

    /** The staff member calling a support route; anybody else is refused. */
    public SupportStaff authorize(String subject, Set<String> groups) {
        if (!groups.contains(GROUP)) {
            throw new DomainException(ProblemKind.FORBIDDEN, "support-identity-required", "Support identity required",
                    "Only SalesOS support may call this route");
        }
        return new SupportStaff(subject);
    }

    /** Refuses a support token on a route of a workspace. */
    public void refuseOnWorkspaceRoute(Set<String> groups) {
        if (groups.contains(GROUP)) {
            throw new DomainException(ProblemKind.FORBIDDEN, "workspace-route", "Not for support",
                    "SalesOS support may not use a workspace's routes; support operations live under /v1/support");
        }
    }
}
