package com.salesos.admin.local;

import java.util.Map;

/**
 * The one table of who may call each route of template.yaml (route shape, ids as {@code {}}):
 * {@code public}, {@code signed-in} (any active user), {@code crm} (only the CRM's machine
 * identity), {@code support} (only SalesOS support staff) or the permission a caller's role must hold. Written here, apart from the controllers'
 * annotations, so that a route that opens up or closes down by mistake fails a test:
 * {@link TemplateContractTest} holds the annotations to it, {@link AuthorizationMatrixTest} every
 * caller kind's answers over HTTP.
 */
final class RouteAccess {

    /**
     * The permission every route needs, in one table a reviewer can read. A route added to code
     * or template without an entry here fails, and so does a route whose declaration drifts.
     */
    static final Map<String, String> BY_ROUTE = Map.ofEntries(
            Map.entry("POST /v1/invitations", "users.manage"),
            Map.entry("POST /v1/invitations/bulk", "users.manage"),
            Map.entry("GET /v1/invitations", "users.manage"),
            Map.entry("POST /v1/invitations/{}/resend", "users.manage"),
            Map.entry("DELETE /v1/invitations/{}", "users.manage"),
            Map.entry("POST /v1/invitations/accept", "public"),
            Map.entry("GET /v1/me", "signed-in"),
            Map.entry("GET /v1/health", "public"),
            Map.entry("GET /v1/seats", "users.manage"),
            Map.entry("GET /v1/users", "users.manage"),
            Map.entry("GET /v1/users/{}", "users.manage"),
            Map.entry("PATCH /v1/users/{}", "users.manage"),
            Map.entry("POST /v1/users/{}/deactivate", "users.manage"),
            Map.entry("POST /v1/users/{}/reactivate", "users.manage"),
            Map.entry("GET /v1/users/{}/deals", "users.manage"),
            Map.entry("POST /v1/users/{}/reassign-deals", "users.manage"),
            // Any active user reaches the use case; the one who started the job or a holder of users.manage reads it.
            Map.entry("GET /v1/deal-reassignments/{}", "signed-in"),
            Map.entry("GET /v1/roles", "users.manage"),
            Map.entry("POST /v1/roles", "users.manage"),
            Map.entry("PATCH /v1/roles/{}", "users.manage"),
            Map.entry("DELETE /v1/roles/{}", "users.manage"),
            Map.entry("GET /v1/teams", "users.manage"),
            Map.entry("GET /v1/audit-log", "audit.read"),
            Map.entry("GET /v1/plans", "signed-in"),
            Map.entry("GET /v1/billing/subscription", "billing.manage"),
            Map.entry("GET /v1/billing/plan-changes/preview", "billing.manage"),
            Map.entry("POST /v1/billing/plan-changes", "billing.manage"),
            Map.entry("DELETE /v1/billing/plan-changes/pending", "billing.manage"),
            Map.entry("GET /v1/billing/charges", "billing.manage"),
            Map.entry("GET /v1/gamification/point-settings", "signed-in"),
            Map.entry("PUT /v1/gamification/point-settings", "gamification.manage"),
            Map.entry("PATCH /v1/gamification/point-settings", "gamification.manage"),
            Map.entry("GET /v1/gamification/point-settings/history", "signed-in"),
            Map.entry("POST /v1/gamification/activities", "crm"),
            Map.entry("GET /v1/users/{}/points", "gamification.manage"),
            Map.entry("GET /v1/gamification/badges", "signed-in"),
            Map.entry("POST /v1/gamification/badges", "gamification.manage"),
            Map.entry("GET /v1/gamification/badges/{}", "signed-in"),
            Map.entry("PATCH /v1/gamification/badges/{}", "gamification.manage"),
            Map.entry("DELETE /v1/gamification/badges/{}", "gamification.manage"),
            Map.entry("GET /v1/gamification/awards", "signed-in"),
            Map.entry("GET /openbadges/achievements/{}", "public"),
            Map.entry("GET /openbadges/credentials/{}", "public"),
            Map.entry("GET /openbadges/issuers/{}", "public"),
            Map.entry("GET /openbadges/images/{}", "public"),
            Map.entry("POST /v1/gamification/badges/{}/image", "gamification.manage"),
            Map.entry("POST /v1/exports", "data.export"),
            Map.entry("GET /v1/exports", "data.export"),
            Map.entry("GET /v1/exports/{}", "data.export"),
            Map.entry("GET /v1/exports/{}/download", "data.export"),
            Map.entry("POST /v1/support/workspaces", "support"),
            Map.entry("GET /v1/support/workspaces", "support"),
            Map.entry("POST /v1/support/workspaces/{}/deletion-requests", "support"),
            Map.entry("POST /v1/support/deletion-requests/{}/execute", "support"),
            Map.entry("GET /v1/support/deletion-requests/{}", "support"),
            Map.entry("DELETE /v1/support/deletion-requests/{}", "support"),
            // Any active user reaches the use case; only an Admin of the request's workspace sees or acts on it.
            Map.entry("GET /v1/workspace/deletion-requests/{}", "signed-in"),
            Map.entry("POST /v1/workspace/deletion-requests/{}/confirm", "signed-in"),
            Map.entry("DELETE /v1/workspace/deletion-requests/{}", "signed-in"));

    private RouteAccess() {
    }
}
