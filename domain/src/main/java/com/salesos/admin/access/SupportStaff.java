package com.salesos.admin.access;

/**
 * A member of SalesOS support behind a request: the {@code sub} of a token of the
 * {@value SupportAccess#GROUP} group. Support belongs to no workspace and holds no role in one;
 * what it does is recorded under {@link #actorId()}.
 */
public record SupportStaff(String staffId) {

    /** How support appears as the actor of audit records and as the creator of what it makes. */
    public String actorId() {
        return "support:" + staffId;
    }

    /**
     * Support acting in a workspace it is setting up, as the workspace's use cases expect a caller:
     * with the Admin role, so that it may invite the first Admin through the same invitation use
     * case (and email) as everyone else. Only the provisioning use case builds one; no request of a
     * support token ever resolves to a workspace caller (AccessFilter refuses them there).
     */
    public Caller actingIn(String workspaceId) {
        return new Caller(workspaceId, actorId(), "SalesOS Support", "SalesOS Support", null, BuiltInRoles.ADMIN,
                UserStatus.ACTIVE);
    }
}
