package com.salesos.admin.access;

import com.salesos.admin.problems.DomainException;
import com.salesos.admin.problems.ProblemKind;
import java.util.Set;

/**
 * Machine routes and person routes are apart. Activities come from the CRM, never from a person:
 * only a token of the {@value #GROUP} group whose subject is registered for a workspace may post
 * them, and such a token may use no person's route. Group membership is set by pool administrators
 * only (never by a sign-up), so the group claim of a verified token can be trusted for this.
 */
public final class CrmAccess {

    /** The Cognito group of CRM machine identities (template.yaml: CrmGroup). */
    public static final String GROUP = "crm";

    private final CrmIdentities identities;

    public CrmAccess(CrmIdentities identities) {
        this.identities = identities;
    }

    /** The CRM identity calling a machine route; a person's token (any role) is refused. */
    public CrmClient authorize(String subject, Set<String> groups) {
        if (!groups.contains(GROUP)) {
            throw new DomainException(ProblemKind.FORBIDDEN, "crm-identity-required", "CRM identity required",
                    "Only the CRM's machine identity may call this route; activities are never declared by a person");
        }
        return identities.findBySubject(subject).orElseThrow(() -> new DomainException(ProblemKind.FORBIDDEN,
                "crm-identity-unregistered", "CRM identity not registered",
                "This CRM identity is registered for no workspace"));
    }

    /** Refuses a CRM identity on a route meant for people. */
    public void refuseOnPersonRoute(Set<String> groups) {
        if (groups.contains(GROUP)) {
            throw new DomainException(ProblemKind.FORBIDDEN, "person-route", "Not for the CRM identity",
                    "The CRM's machine identity may only post activities");
        }
    }
}
