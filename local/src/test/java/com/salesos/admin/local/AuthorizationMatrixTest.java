package com.salesos.admin.local;

import static com.salesos.admin.emulator.TestWorkspace.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.LocalAwsExtension;
import com.salesos.admin.emulator.MotoServer;
import com.salesos.admin.emulator.SamTemplate;
import com.salesos.admin.common.EmailAddress;
import com.salesos.admin.emulator.TestWorkspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every route of template.yaml x every kind of caller, over HTTP through the gateway emulation,
 * with the expected answer from one table ({@link #ACCESS}): who may call each route is written
 * here independently of the controllers' annotations, so a route that opens up or closes down by
 * mistake fails this test. "Allowed" means the access checks let the request through (any answer
 * but 401/403, never a 5xx; the probes use unknown ids and empty bodies, so they change nothing
 * that matters); refused means exactly 401 (no valid token) or 403 (a valid token that may not).
 */
@ExtendWith(LocalAwsExtension.class)
class AuthorizationMatrixTest {

    /** Who may call a route, as {@link RouteAccess} says. */
    sealed interface Access {
        record Public() implements Access {
        }

        record Crm() implements Access {
        }

        record SignedIn() implements Access {
        }

        record Support() implements Access {
        }

        record Needs(String permission) implements Access {
        }

        static Access of(String requirement) {
            return switch (requirement) {
                case "public" -> new Public();
                case "crm" -> new Crm();
                case "signed-in" -> new SignedIn();
                case "support" -> new Support();
                default -> new Needs(requirement);
            };
        }
    }

    /** Every route of the template (its method and path as written there), with who may call it. */
    static final Map<String, Access> ACCESS = new java.util.TreeMap<>();

    static {
        for (SamTemplate.Route route : SamTemplate.ofRepository().routes()) {
            String requirement = RouteAccess.BY_ROUTE.get(route.shape());
            ACCESS.put(route.method() + " " + route.path(), requirement == null ? null : Access.of(requirement));
        }
    }

    /**
     * A kind of caller: a token (or none), the permissions its workspace role holds if it is an
     * active user, and whether it is the CRM's machine identity or SalesOS support staff.
     */
    record CallerKind(String name, String token, Set<String> permissions, boolean activeUser, boolean validToken,
                      boolean crm, boolean support) {
        CallerKind(String name, String token, Set<String> permissions, boolean activeUser, boolean validToken) {
            this(name, token, permissions, activeUser, validToken, false, false);
        }
    }

    static final Set<String> ALL = Set.of("users.manage", "billing.manage", "gamification.manage", "data.export", "audit.read");

    static LocalAws aws;
    static LocalServer server;
    static HttpApi api;
    static final List<CallerKind> callers = new ArrayList<>();

    @BeforeAll
    static void start(LocalAws localAws) throws Exception {
        aws = localAws;
        // Enterprise, so that creating a custom badge is not refused by the plan (a 403 of its own).
        TestWorkspace.on(aws, "ws-m").name("Matrix").tier("enterprise").seatLimit(20)
                .user("usr_admin", "admin@m.test", "Admin", "admin")
                .user("usr_manager", "manager@m.test", "Manager", "manager")
                .user("usr_rep", "rep@m.test", "Rep", "sales-rep")
                .user("usr_po", "po@m.test", "People Ops", "sales-rep")
                .user("usr_leaver", "leaver@m.test", "Leaver", "admin")
                // A workspace Admin who is also in the support group: support staff get no workspace
                // route, whatever else their account is.
                .user("usr_dual", "dual@m.test", "Dual", "admin")
                .build();
        TestWorkspace.on(aws, "ws-other").name("Other").tier("enterprise").seatLimit(5)
                .user("usr_other_admin", "admin@other.test", "Other Admin", "admin")
                .build();
        aws.accounts().open(EmailAddress.parse("nobody@salesos.test").orElseThrow(), PASSWORD, java.util.Optional.empty());
        aws.openSupportAccount("support@salesos.test", PASSWORD);
        aws.openSupportAccount("dual@m.test", PASSWORD);
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
        callers.add(new CallerKind("account of no workspace", token("nobody@salesos.test"), Set.of(), false, true));
        callers.add(new CallerKind("support", token("support@salesos.test"), Set.of(), false, true, false, true));
        callers.add(new CallerKind("support who is also a workspace admin", token("dual@m.test"), Set.of(), false, true,
                false, true));
        var crm = aws.openCrmAccount("ws-m");
        callers.add(new CallerKind("CRM machine identity", aws.signIn().accessToken(crm.email(), crm.password()),
                Set.of(), false, true, true, false));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void the_table_names_exactly_the_routes_of_the_template_and_agrees_on_which_are_public() {
        assertThat(new TreeSet<>(RouteAccess.BY_ROUTE.keySet())).isEqualTo(SamTemplate.ofRepository().routes().stream()
                .map(SamTemplate.Route::shape).collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
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
        System.out.println("authorization matrix: " + ACCESS.size() + " routes x " + callers.size() + " callers = " + probes + " probes");
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
        if (access instanceof Access.Support || caller.support()) {
            // Support uses its routes and nothing else; nobody else uses support's routes.
            return access instanceof Access.Support && caller.support() ? "allowed" : "403";
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
