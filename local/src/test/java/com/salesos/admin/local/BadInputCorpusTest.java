package com.salesos.admin.local;

import static com.salesos.admin.emulator.TestWorkspace.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.LocalAwsExtension;
import com.salesos.admin.emulator.MotoServer;
import com.salesos.admin.emulator.SentEmails;
import com.salesos.admin.emulator.TestWorkspace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * A corpus of bad input for every write route, over HTTP as the frontend sends it: each case must
 * answer 4xx problem JSON (never 2xx, never 5xx) and change nothing: the whole table, the emails
 * sent, the identity provider's users and the queues are compared before and after. The cases are
 * generated from a valid body per route (every field in a wrong JSON type, oversized, null inside a
 * list) plus whole-body faults (not JSON, not an object, trailing data, duplicate and unknown keys)
 * and bad path ids, so a new field or route gets its cases by being added to {@link #ROUTES}.
 */
@ExtendWith(LocalAwsExtension.class)
class BadInputCorpusTest {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A write route and a body it would accept; path ids point at things that exist. */
    record WriteRoute(String method, String path, Map<String, Object> validBody) {
    }

    static final List<WriteRoute> ROUTES = List.of(
            new WriteRoute("POST", "/v1/invitations", map("email", "new@c.test", "name", "New Person", "role", "sales-rep",
                    "teamId", "team-east")),
            new WriteRoute("POST", "/v1/invitations/accept", map("token", "t".repeat(43), "password", PASSWORD)),
            new WriteRoute("PATCH", "/v1/users/usr_rep", map("role", "manager", "teamId", "team-east")),
            new WriteRoute("POST", "/v1/users/usr_rep/reassign-deals", map("toUserId", "usr_admin",
                    "dealIds", List.of("deal-1"))),
            new WriteRoute("POST", "/v1/roles", map("name", "Corpus Role", "permissions", List.of("data.export"))),
            new WriteRoute("PATCH", "/v1/roles/ROLE", map("name", "Renamed", "permissions", List.of("audit.read"))),
            new WriteRoute("POST", "/v1/billing/plan-changes", map("tier", "business")),
            new WriteRoute("PUT", "/v1/gamification/point-settings", map("pointsByActivityType",
                    map("LEAD_CREATED", 10, "DEAL_CREATED", 10, "DEAL_WON", 50, "CALL_LOGGED", 2, "MEETING_HELD", 5, "EMAIL_SENT", 1), "valueBonusMultiplier", 1.5)),
            new WriteRoute("PATCH", "/v1/gamification/point-settings", map("pointsByActivityType",
                    map("LEAD_CREATED", 30), "valueBonusMultiplier", 1.5)),
            new WriteRoute("POST", "/v1/gamification/activities", map("id", "act-1", "userId", "usr_rep",
                    "type", "DEAL_WON", "occurredAt", "2026-11-01T10:00:00Z",
                    "value", map("amount", 1000, "currency", "EUR"), "dealId", "deal-1")),
            new WriteRoute("POST", "/v1/gamification/badges", map("name", "Closer", "description", "Won deals",
                    "criteria", map("kind", "activity-count", "activityType", "DEAL_WON", "atLeast", 3,
                            "narrative", "Win three deals"), "pointReward", 50)),
            new WriteRoute("PATCH", "/v1/gamification/badges/badge-x", map("name", "Closer 2")),
            new WriteRoute("POST", "/v1/gamification/badges/badge-x/image", map("contentType", "image/png",
                    "contentLength", 1000)),
            new WriteRoute("POST", "/v1/exports", map("entities", List.of("deals", "users"))));

    /** Routes that take no body: only their path id can be bad. */
    static final List<String> ID_ROUTES = List.of(
            "POST /v1/invitations/{id}/resend", "DELETE /v1/invitations/{id}", "PATCH /v1/users/{id}",
            "POST /v1/users/{id}/deactivate", "POST /v1/users/{id}/reactivate", "POST /v1/users/{id}/reassign-deals",
            "PATCH /v1/roles/{id}", "DELETE /v1/roles/{id}", "PATCH /v1/gamification/badges/{id}",
            "DELETE /v1/gamification/badges/{id}", "POST /v1/gamification/badges/{id}/image");

    static final List<String> BAD_IDS = List.of("x".repeat(450), "a%20b", "..%2F..%2Fetc", "-leading-dash", "a%00b");

    static LocalAws aws;
    static LocalServer server;
    static HttpApi api;
    static String admin;
    static String crm;
    static String roleId;

    @BeforeAll
    static void start(LocalAws localAws) {
        aws = localAws;
        TestWorkspace corpus = TestWorkspace.on(aws, "ws-c").name("Corpus").tier("team").seatLimit(10)
                .team("team-east", "East")
                .user("usr_admin", "admin@c.test", "Admin", "admin")
                .user("usr_rep", "rep@c.test", "Rep", "sales-rep")
                .deal("deal-1", "usr_rep", Map.of("name", "Deal one"))
                .crm()
                .build();
        server = LocalServer.start(aws.stack(), MotoServer.freePort());
        api = new HttpApi(server.url());
        admin = corpus.accessToken("usr_admin");
        var crmAccount = corpus.crm();
        crm = aws.signIn().accessToken(crmAccount.email(), crmAccount.password());
        roleId = api.send("POST", "/v1/roles", HttpApi.json("name", "Existing", "permissions", List.of("data.export")), admin)
                .json().path("id").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    record Case(String name, String method, String path, String body) {
    }

    @Test
    void every_bad_input_answers_4xx_problem_json_and_changes_nothing() throws Exception {
        List<Case> cases = corpus();
        assertThat(cases.size()).isGreaterThanOrEqualTo(200);
        System.out.println("bad-input corpus: " + cases.size() + " cases over " + ROUTES.size() + " body routes and "
                + ID_ROUTES.size() + " id routes");

        TreeSet<String> tableBefore = table();
        int emailsBefore = new SentEmails(MotoServer.shared()).all().size();
        int identitiesBefore = identities();
        String queuesBefore = queueDepths();
        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            // Activities come only from the CRM's identity; a person's token would stop at 403 before the body is read.
            String token = c.path().equals("/v1/gamification/activities") ? crm : admin;
            HttpApi.Response response = api.send(c.method(), c.path(), c.body(), token);
            String contentType = response.raw().headers().firstValue("Content-Type").orElse("");
            if (response.status() < 400 || response.status() >= 500 || !contentType.startsWith("application/problem+json")) {
                wrong.add(c.name() + ": " + response.status() + " " + contentType + " " + abbreviate(response.body()));
            } else if (!table().equals(tableBefore)) {
                wrong.add(c.name() + ": answered " + response.status() + " but changed the table");
                tableBefore = table();
            }
        }
        assertThat(wrong).as("%d cases", cases.size()).isEmpty();
        assertThat(new SentEmails(MotoServer.shared()).all()).hasSize(emailsBefore);
        assertThat(identities()).isEqualTo(identitiesBefore);
        assertThat(queueDepths()).isEqualTo(queuesBefore);
    }

    private static List<Case> corpus() throws Exception {
        List<Case> cases = new ArrayList<>();
        for (WriteRoute route : ROUTES) {
            String path = route.path().replace("ROLE", roleId);
            String label = route.method() + " " + path;
            for (String field : route.validBody().keySet()) {
                for (Object wrongValue : wrongValuesFor(route.validBody().get(field))) {
                    Map<String, Object> body = new LinkedHashMap<>(route.validBody());
                    body.put(field, wrongValue);
                    cases.add(new Case(label + " with " + field + "=" + abbreviate(String.valueOf(wrongValue)),
                            route.method(), path, JSON.writeValueAsString(body)));
                }
                if (route.validBody().get(field) instanceof Map<?, ?> nested) {
                    for (Object key : nested.keySet()) {
                        Map<String, Object> inner = new LinkedHashMap<>(castMap(nested));
                        inner.put((String) key, List.of(true));
                        Map<String, Object> body = new LinkedHashMap<>(route.validBody());
                        body.put(field, inner);
                        cases.add(new Case(label + " with " + field + "." + key + " as a list", route.method(), path,
                                JSON.writeValueAsString(body)));
                    }
                }
            }
            String valid = JSON.writeValueAsString(route.validBody());
            Map<String, Object> unknown = new LinkedHashMap<>(route.validBody());
            unknown.put("isAdmin", true);
            cases.add(new Case(label + " with an unknown field", route.method(), path, JSON.writeValueAsString(unknown)));
            cases.add(new Case(label + " with trailing data", route.method(), path, valid + "{}"));
            cases.add(new Case(label + " with trailing garbage", route.method(), path, valid + " garbage"));
            cases.add(new Case(label + " cut short", route.method(), path, valid.substring(0, valid.length() - 1)));
            cases.add(new Case(label + " as an array", route.method(), path, "[" + valid + "]"));
            cases.add(new Case(label + " as a string", route.method(), path, "\"hello\""));
            cases.add(new Case(label + " as null", route.method(), path, "null"));
            cases.add(new Case(label + " empty", route.method(), path, ""));
            cases.add(new Case(label + " with a duplicate key", route.method(), path,
                    "{\"" + route.validBody().keySet().iterator().next() + "\":\"a\"," + valid.substring(1)));
            cases.add(new Case(label + " over 1 MB", route.method(), path,
                    "{\"pad\":\"" + "p".repeat(1_100_000) + "\"}"));
        }
        for (String route : ID_ROUTES) {
            String method = route.substring(0, route.indexOf(' '));
            for (String badId : BAD_IDS) {
                String path = route.substring(route.indexOf(' ') + 1).replace("{id}", badId);
                cases.add(new Case(method + " " + abbreviate(path), method, path, method.equals("DELETE") ? null : "{}"));
            }
        }
        cases.add(new Case("invite with a bad email", "POST", "/v1/invitations",
                HttpApi.json("email", "not-an-email", "name", "X", "role", "sales-rep")));
        cases.add(new Case("invite with an unknown role", "POST", "/v1/invitations",
                HttpApi.json("email", "x@c.test", "name", "X", "role", "overlord")));
        cases.add(new Case("invite with an unknown team", "POST", "/v1/invitations",
                HttpApi.json("email", "x@c.test", "name", "X", "role", "sales-rep", "teamId", "team-nowhere")));
        cases.add(new Case("invite an existing member", "POST", "/v1/invitations",
                HttpApi.json("email", "REP@c.test", "name", "X", "role", "sales-rep")));
        cases.add(new Case("reassign to oneself", "POST", "/v1/users/usr_rep/reassign-deals",
                HttpApi.json("toUserId", "usr_rep")));
        cases.add(new Case("reassign without a target", "POST", "/v1/users/usr_rep/reassign-deals", "{}"));
        cases.add(new Case("role with an unknown permission", "POST", "/v1/roles",
                HttpApi.json("name", "Bad", "permissions", List.of("root.everything"))));
        cases.add(new Case("role named like a built-in role", "POST", "/v1/roles",
                HttpApi.json("name", "Admin", "permissions", List.of("data.export"))));
        cases.add(new Case("plan change to an unknown tier", "POST", "/v1/billing/plan-changes",
                HttpApi.json("tier", "platinum-deluxe")));
        cases.add(new Case("export of an unknown entity", "POST", "/v1/exports",
                HttpApi.json("entities", List.of("passwords"))));
        return cases;
    }

    /** Values of the wrong JSON type (or size) for a field whose valid value is {@code valid}. */
    private static List<Object> wrongValuesFor(Object valid) {
        List<Object> wrong = new ArrayList<>();
        if (valid instanceof String) {
            wrong.addAll(List.of(123, true, List.of("x"), Map.of("x", "y"), "s".repeat(3_000)));
        } else if (valid instanceof Integer || valid instanceof Long) {
            wrong.addAll(List.of("12", 1.5, true, List.of(1), 1e300));
        } else if (valid instanceof Double) {
            wrong.addAll(List.of("1.5", true, List.of(1.5)));
        } else if (valid instanceof List<?> list) {
            wrong.addAll(List.of("not-a-list", 7, Map.of("a", 1), java.util.Arrays.asList(list.get(0), null), List.of(List.of())));
        } else if (valid instanceof Map<?, ?>) {
            wrong.addAll(List.of("not-an-object", 42, List.of(), java.util.Collections.singletonMap("NOPE", null)));
        }
        return wrong;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private static TreeSet<String> table() {
        TreeSet<String> items = new TreeSet<>();
        aws.dynamo().scanPaginator(ScanRequest.builder().tableName(aws.tableName()).consistentRead(true).build())
                .items().forEach(item -> items.add(new java.util.TreeMap<>(item).toString()));
        return items;
    }

    private static int identities() {
        try (var cognito = aws.clients().cognito()) {
            return cognito.listUsersPaginator(r -> r.userPoolId(aws.userPoolId())).users().stream().mapToInt(u -> 1).sum();
        }
    }

    private static String queueDepths() {
        try (var sqs = aws.clients().sqs()) {
            StringBuilder depths = new StringBuilder();
            for (String url : sqs.listQueues().queueUrls()) {
                depths.append(url).append('=').append(sqs.getQueueAttributes(r -> r.queueUrl(url)
                        .attributeNamesWithStrings("ApproximateNumberOfMessages")).attributesAsStrings()).append('\n');
            }
            return depths.toString();
        }
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
