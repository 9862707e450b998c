package com.salesos.admin.local.deploy;

import java.util.List;

/**
 * One statement of a role's policies, resolved to deployed ARNs: where it comes from (an inline
 * statement of template.yaml, or an AWS managed policy SAM attached), and what it allows or denies.
 */
public record Grant(String source, boolean managed, boolean allow, List<String> actions, List<String> resources) {

    public boolean covers(String action, String resource) {
        return actions.stream().anyMatch(a -> IamPatterns.actionMatches(a, action))
                && resources.stream().anyMatch(r -> IamPatterns.resourceMatches(r, resource));
    }

    /** Whether the statements, evaluated as IAM does (an explicit deny wins), allow the request. */
    public static boolean allows(List<Grant> grants, String action, String resource) {
        boolean denied = grants.stream().anyMatch(g -> !g.allow() && g.covers(action, resource));
        return !denied && grants.stream().anyMatch(g -> g.allow() && g.covers(action, resource));
    }
}
