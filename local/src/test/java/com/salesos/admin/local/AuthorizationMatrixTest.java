package com.salesos.admin.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.MotoServer;
import com.salesos.admin.emulator.SamTemplate;
import com.salesos.admin.invites.EmailAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every route of template.yaml x every kind of caller, over HTTP through the gateway emulation,
 * with the expected answer from one table ({@link #ACCESS}): who may call each route is written
 * here independently of the controllers' annotations, so a route that opens up or closes down by
 * mistake fails this test. "Allowed" means the access checks let the request through (any answer
 * but 401/403, never a 5xx; the probes use unknown ids and empty bodies, so they change nothing
 * that matters); refused means exactly 401 (no valid token) or 403 (a valid token that may not).
 */
class AuthorizationMatrixTest {

    static final String PASSWORD = "Correct-Horse-9-Battery";

    /**
     * Who may call a route: anyone, any active workspace user, users whose role holds a
     * permission, or only the CRM's machine identity.
     */
    sealed interface Access {
        record Public() implements Access {
        }

        record Crm() implements Access {
        }

        record SignedIn() implements Access {
        }

        record Needs(String permission) implements Access {
        }
    }

    static final Access PUBLIC = new Access.Public();
    static final Access SIGNED_IN = new Access.SignedIn();
    static final Access CRM = new Access.Crm();

    static Access needs(String permission) {
        return new Access.Needs(permission);
    }

    /** The one table: route shape (as template.yaml writes it) to who may call it. */
    static final Map<String, Access> ACCESS = new LinkedHashMap<>();

    static {
        ACCESS.put("POST /v1/invitations", needs("users.manage"));
        ACCESS.put("GET /v1/invitations", needs("users.manage"));
        ACCESS.put("POST /v1/invitations/{id}/resend", needs("users.manage"));
        ACCESS.put("DELETE /v1/invitations/{id}", needs("users.manage"));
        ACCESS.put("POST /v1/invitations/accept", PUBLIC);
        ACCESS.put("GET /v1/me", SIGNED_IN);
        ACCESS.put("GET /v1/seats", needs("users.manage"));
        ACCESS.put("GET /v1/users", needs("users.manage"));
        ACCESS.put("GET /v1/users/{id}", needs("users.manage"));
        ACCESS.put("PATCH /v1/users/{id}", needs("users.manage"));
        ACCESS.put("POST /v1/users/{id}/deactivate", needs("users.manage"));
        ACCESS.put("POST /v1/users/{id}/reactivate", needs("users.manage"));
        ACCESS.put("GET /v1/users/{id}/deals", needs("users.manage"));
        ACCESS.put("POST /v1/users/{id}/reassign-deals", needs("users.manage"));
        ACCESS.put("GET /v1/roles", needs("users.manage"));
        ACCESS.put("POST /v1/roles", needs("users.manage"));
        ACCESS.put("PATCH /v1/roles/{id}", needs("users.manage"));
        ACCESS.put("DELETE /v1/roles/{id}", needs("users.manage"));
        ACCESS.put("GET /v1/teams", needs("users.manage"));
        ACCESS.put("GET /v1/audit-log", needs("audit.read"));
        ACCESS.put("GET /v1/plans", SIGNED_IN);
        ACCESS.put("GET /v1/billing/subscription", needs("billing.manage"));
        ACCESS.put("GET /v1/billing/plan-changes/preview", needs("billing.manage"));
        ACCESS.put("POST /v1/billing/plan-changes", needs("billing.manage"));
        ACCESS.put("DELETE /v1/billing/plan-changes/pending", needs("billing.manage"));
        ACCESS.put("GET /v1/billing/charges", needs("billing.manage"));
        ACCESS.put("GET /v1/gamification/point-settings", SIGNED_IN);
        ACCESS.put("PUT /v1/gamification/point-settings", needs("gamification.manage"));
        ACCESS.put("GET /v1/gamification/point-settings/history", SIGNED_IN);
        ACCESS.put("POST /v1/gamification/activities", CRM);
        ACCESS.put("GET /v1/users/{id}/points", needs("gamification.manage"));
        ACCESS.put("GET /v1/gamification/badges", SIGNED_IN);
        ACCESS.put("POST /v1/gamification/badges", needs("gamification.manage"));
        ACCESS.put("GET /v1/gamification/badges/{id}", SIGNED_IN);
        ACCESS.put("PATCH /v1/gamification/badges/{id}", needs("gamification.manage"));
        ACCESS.put("DELETE /v1/gamification/badges/{id}", needs("gamification.manage"));
        ACCESS.put("POST /v1/gamification/badges/{id}/image", needs("gamification.manage"));
        ACCESS.put("GET /v1/gamification/awards", SIGNED_IN);
        ACCESS.put("GET /openbadges/achievements/{id}", PUBLIC);
        ACCESS.put("GET /openbadges/credentials/{id}", PUBLIC);
        ACCESS.put("GET /openbadges/images/{id}", PUBLIC);
        ACCESS.put("GET /openbadges/issuers/{workspaceId}", PUBLIC);
        ACCESS.put("POST /v1/exports", needs("data.export"));
        ACCESS.put("GET /v1/exports", needs("data.export"));
        ACCESS.put("GET /v1/exports/{id}", needs("data.export"));
        ACCESS.put("GET /v1/exports/{id}/download", needs("data.export"));
    }

    /**
     * A kind of caller: a token (or none), the permissions its workspace role holds if it is an
     * active user, and whether it is the CRM's machine identity.
     */
    record CallerKind(String name, String token, Set<String> permissions, boolean activeUser, boolean validToken,
                      boolean crm) {
        CallerKind(String name, String token, Set<String> permissions, boolean activeUser, boolean validToken) {
            this(name, token, permissions, activeUser, validToken, false);
        }
    }

    static final Set<String> ALL = Set.of("users.manage", "billing.manage", "gamification.manage", "data.export", "audit.read");

    static LocalAws aws;
    static LocalServer server;
    static HttpApi api;
    static final List<CallerKind> callers = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        aws = LocalAws.fresh();
        // Enterprise, so that creating a custom badge is not refused by the plan (a 403 of its own).
        aws.workspaces().createWorkspace("ws-m", "Matrix", "enterprise", 20);
        aws.workspaces().createWorkspace("ws-other", "Other", "enterprise", 5);
        aws.workspaces().addUser("ws-m", "usr_admin", "admin@m.test", "Admin", "admin", null, PASSWORD);
        aws.workspaces().addUser("ws-m", "usr_manager", "manager@m.test", "Manager", "manager", null, PASSWORD);
        aws.workspaces().addUser("ws-m", "usr_rep", "rep@m.test", "Rep", "sales-rep", null, PASSWORD);
        aws.workspaces().addUser("ws-m", "usr_po", "po@m.test", "People Ops", "sales-rep", null, PASSWORD);
        aws.workspaces().addUser("ws-m", "usr_leaver", "leaver@m.test", "Leaver", "admin", null, PASSWORD);
        aws.workspaces().addUser("ws-other", "usr_other_admin", "admin@other.test", "Other Admin", "admin", null, PASSWORD);
        aws.accounts().open(EmailAddress.parse("support@salesos.test").orElseThrow(), PASSWORD, java.util.Optional.empty());
        server = LocalServer.start(aws.stack(), MotoServer.freePort());
        api = new HttpApi(server.url());

        String admin = token("admin@m.test");
        String customRole = api.send("POST", "/v1/roles",
                HttpApi.json("name", "People Ops", "permissions", List.of("users.manage")), admin).json().path("id").asText();
        assertThat(api.send("PATCH", "/v1/users/usr_po", HttpApi.json("role", customRole), admin).status()).isEqualTo(200);
        String leaver = token("leaver@m.test");
        assertThat(api.send("POST", "/v1/users/usr_leaver/deactivate", null, admin).status()).isEqualTo(200);

        String issuer = "https://cognito-idp." + LocalAws.REGION + ".amazonaws.com/" + aws.userPoolId();
        String subject = api.send("GET", "/v1/me", null, admin).json().path("id").asText();
        callers.add(new CallerKind("no token", null, Set.of(), false, false));
        callers.add(new CallerKind("garbage token", "not.a.jwt", Set.of(), false, false));
        callers.add(new CallerKind("token signed by a stranger", ForgedTokens.signedByAStranger(issuer, subject,
                aws.userPoolClientId()), Set.of(), false, false));
        callers.add(new CallerKind("expired token", ForgedTokens.expired(issuer, subject, aws.userPoolClientId()), Set.of(), false, false));
        callers.add(new CallerKind("token of another app client", ForgedTokens.validForAnotherClient(issuer, subject),
                Set.of(), false, false));
        callers.add(new CallerKind("admin", admin, ALL, true, true));
        callers.add(new CallerKind("manager", token("manager@m.test"), Set.of("gamification.manage"), true, true));
        callers.add(new CallerKind("sales rep", token("rep@m.test"), Set.of(), true, true));
        callers.add(new CallerKind("custom role (users.manage)", token("po@m.test"), Set.of("users.manage"), true, true));
        callers.add(new CallerKind("deactivated admin", leaver, Set.of(), false, true));
        callers.add(new CallerKind("admin of another workspace", token("admin@other.test"), ALL, true, true));
        callers.add(new CallerKind("support (no workspace)", token("support@salesos.test"), Set.of(), false, true));
        var crm = aws.openCrmAccount("ws-m");
        callers.add(new CallerKind("CRM machine identity", aws.signIn().accessToken(crm.email(), crm.password()),
                Set.of(), false, true, true));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void the_table_names_exactly_the_routes_of_the_template() {
        Set<String> templateRoutes = new TreeSet<>();
        SamTemplate.ofRepository().routes().forEach(r -> templateRoutes.add(r.method() + " " + r.path()));
        assertThat(new TreeSet<>(ACCESS.keySet())).isEqualTo(templateRoutes);
        SamTemplate.ofRepository().routes().forEach(r -> assertThat(r.authorized())
                .as("%s %s is public in the template exactly when the table says so", r.method(), r.path())
                .isEqualTo(!(ACCESS.get(r.method() + " " + r.path()) instanceof Access.Public)));
    }

    @Test
    void every_route_answers_every_kind_of_caller_as_the_table_says() {
        List<String> wrong = new ArrayList<>();
        int probes = 0;
        for (var route : ACCESS.entrySet()) {
            String method = route.getKey().substring(0, route.getKey().indexOf(' '));
            String path = route.getKey().substring(route.getKey().indexOf(' ') + 1)
                    .replace("{workspaceId}", "ws-nowhere").replace("{id}", "nope-404");
            String body = method.equals("GET") || method.equals("DELETE") ? null : "{}";
            for (CallerKind caller : callers) {
                int status = api.send(method, path, body, caller.token()).status();
                probes++;
                String expected = expected(route.getValue(), caller);
                boolean ok = switch (expected) {
                    case "allowed" -> status != 401 && status != 403 && status < 500;
                    default -> status == Integer.parseInt(expected);
                };
                if (!ok) {
                    wrong.add(route.getKey() + " as " + caller.name() + ": expected " + expected + ", got " + status);
                }
            }
        }
        assertThat(wrong).as("%d probes", probes).isEmpty();
        assertThat(probes).isEqualTo(ACCESS.size() * callers.size());
    }

    private static String expected(Access access, CallerKind caller) {
        if (access instanceof Access.Public) {
            return "allowed";
        }
        if (!caller.validToken()) {
            return "401";
        }
        if (access instanceof Access.Crm || caller.crm()) {
            // The CRM posts activities and does nothing else; no person posts activities.
            return access instanceof Access.Crm && caller.crm() ? "allowed" : "403";
        }
        if (!caller.activeUser()) {
            return "403";
        }
        if (access instanceof Access.Needs needs && !caller.permissions().contains(needs.permission())) {
            return "403";
        }
        return "allowed";
    }

    private static String token(String email) {
        return aws.signIn().accessToken(email, PASSWORD);
    }
}
