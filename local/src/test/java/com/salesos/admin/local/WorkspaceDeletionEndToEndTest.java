package com.salesos.admin.local;

import static com.salesos.admin.emulator.LambdaApi.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salesos.admin.emulator.LambdaApi;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.LocalAwsExtension;
import com.salesos.admin.emulator.OnMovableClock;
import com.salesos.admin.emulator.QueueDriver;
import com.salesos.admin.emulator.SentEmails;
import com.salesos.admin.emulator.TestWorkspace;
import com.salesos.admin.functions.deletionworker.DeletionWorkerHandler;
import com.salesos.admin.functions.exportworker.ExportWorkerHandler;
import com.salesos.admin.functions.plandowngrades.PlanDowngradesHandler;
import com.salesos.admin.testing.MovableClock;
import io.micronaut.function.aws.LambdaApplicationContextBuilder;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A workspace deleted end to end, every function on the classpath: two workspaces are filled
 * through the functions' own routes (users, invitations pending and accepted, a custom role, point
 * settings, CRM records and activities scored into points and awards, a custom badge with its
 * image, plan changes and charges, a finished export and one still queued, a downgrade still
 * pending), support opens a deletion, the wrong confirmations are refused, an Admin confirms,
 * support executes after the waiting period and the worker purges from the queue. Afterwards the
 * whole table, both buckets and the user pool hold nothing of it but its tombstones, its people
 * cannot sign in, its public Open Badges documents answer 410, the queued export and the pending
 * downgrade recreate nothing, and the other workspace is unchanged item by item.
 */
@ExtendWith(LocalAwsExtension.class)
class WorkspaceDeletionEndToEndTest {

    static final String PASSWORD = TestWorkspace.PASSWORD;
    static final String GONE = "ws-doomed";
    static final String KEPT = "ws-staying";
    /**
     * Every kind of item a workspace holds (docs/data-model.md, TableKeys), by sort-key prefix in
     * its partition; the seed must produce each, so the purge is proved on all of them.
     */
    static final List<String> KINDS = List.of("#WORKSPACE", "#DELETION_LIVE", "#EXPORT_ACTIVE", "TEAM#", "ROLE#",
            "ROLENAME#", "USER#", "EMAIL#", "INVITATION#", "IDEMPOTENCY#", "SENDS#WORKSPACE#", "SENDS#ADDRESS#", "DEAL#",
            "LEAD#", "ACTIVITY#", "POINTS#", "USERPOINTS#", "POINTSETTINGS#", "POINTSFROM#", "BADGE#", "AWARD#", "EXPORT#",
            "PLANCHANGE#", "CHARGE#", "CRM#");

    static LocalAws aws;
    static LambdaApi api;
    static MovableClock clock;
    static SentEmails emails;
    static QueueDriver exportWorker;
    static QueueDriver deletionWorker;
    static String staff;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    record Seeded(TestWorkspace workspace, String badgeId, String rep, String joinerEmail) {
    }

    @BeforeAll
    static void setUp(LocalAws localAws, @OnMovableClock LambdaApi lambda, MovableClock movableClock, SentEmails sent) {
        aws = localAws;
        api = lambda;
        clock = movableClock;
        emails = sent;
        exportWorker = new QueueDriver(aws.stack(), aws.clients().sqs(), "ExportWorkerFunction",
                new ExportWorkerHandler(new LambdaApplicationContextBuilder().singletons(clock)), Duration.ZERO);
        deletionWorker = new QueueDriver(aws.stack(), aws.clients().sqs(), "DeletionWorkerFunction",
                new DeletionWorkerHandler(new LambdaApplicationContextBuilder().singletons(clock)), Duration.ZERO);
        staff = aws.openSupportAccount("staff@salesos.test", PASSWORD);
    }

    static LambdaApi.Response ok(LambdaApi.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return response;
    }

    /** Fills a workspace through the functions' routes, as its people and its CRM would. */
    static Seeded seed(String ws, boolean leaveWorkPending) throws Exception {
        String rep = "usr_" + ws + "_rep";
        TestWorkspace workspace = TestWorkspace.on(aws, ws).name("Name of " + ws).tier("business").seatLimit(20)
                .team("team-east", "East")
                .admin()
                .user(rep, "rep@" + ws + ".test", "Remy Rep", "sales-rep", "team-east")
                .deal("deal-1", rep, Map.of("name", "Globex"))
                .record("lead", "lead-1", rep, Map.of("name", "Jane Prospect"))
                .record("activity", "act-1", rep, Map.of("type", "CALL_LOGGED"))
                .crm()
                .build();
        String admin = workspace.admin().subject();
        // An upgrade: charged at once (a plan change item and its charge).
        ok(api.call("POST", "/v1/billing/plan-changes", json("tier", "enterprise"), admin), 200);
        ok(api.call("POST", "/v1/roles", json("name", "People Ops", "permissions", List.of("users.manage")), admin,
                Map.of("Idempotency-Key", "role-1")), 201);
        ok(api.call("POST", "/v1/invitations", json("email", "pending@" + ws + ".test", "name", "Pat Pending",
                "role", "sales-rep", "teamId", "team-east"), admin, Map.of("Idempotency-Key", "inv-1")), 201);
        String joiner = "joiner@" + ws + ".test";
        ok(api.call("POST", "/v1/invitations", json("email", joiner, "name", "Jo Joiner", "role", "manager"), admin), 201);
        ok(api.call("POST", "/v1/invitations/accept", json("token", emails.latestInvitationToken(joiner),
                "password", PASSWORD), null), 201);
        var settings = ok(api.call("GET", "/v1/gamification/point-settings", null, admin), 200);
        ok(api.call("PUT", "/v1/gamification/point-settings", "{\"pointsByActivityType\":{\"LEAD_CREATED\":5,"
                        + "\"DEAL_CREATED\":10,\"DEAL_WON\":60,\"CALL_LOGGED\":2,\"MEETING_HELD\":5,\"EMAIL_SENT\":1},"
                        + "\"valueBonusMultiplier\":1}", admin, Map.of("If-Match", settings.header("ETag"))), 200);
        String badgeId = ok(api.call("POST", "/v1/gamification/badges", json("name", "Caller", "pointReward", 5,
                "criteria", Map.of("kind", "pointsTotal", "atLeast", 10, "narrative", "Earn 10 points.")), admin), 201)
                .json().path("id").asText();
        byte[] png = new byte[512];
        var grant = ok(api.call("POST", "/v1/gamification/badges/" + badgeId + "/image",
                json("contentType", "image/png", "contentLength", png.length), admin), 200);
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(grant.json().path("uploadUrl").asText()))
                .header("Content-Type", "image/png").PUT(HttpRequest.BodyPublishers.ofByteArray(png)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        // The CRM scores a won deal: points, a total, the first-deal badge and the custom one, credentials signed.
        ok(api.callAs(workspace.crm(), "POST", "/v1/gamification/activities", json("id", "crm-1", "userId", rep,
                "type", "DEAL_WON", "occurredAt", clock.instant().minusSeconds(60).toString(),
                "value", Map.of("amount", 250000, "currency", "EUR"))), 201);
        ok(api.call("POST", "/v1/exports", "{}", admin), 202);
        exportWorker.drain();
        if (leaveWorkPending) {
            // Work that would write into the workspace later: an export still queued, a downgrade due
            // at the end of the period, and an export cut short with its multipart upload left open.
            ok(api.call("POST", "/v1/exports", json("entities", List.of("deals")), admin), 202);
            ok(api.call("POST", "/v1/billing/plan-changes", json("tier", "business"), admin), 202);
            aws.clients().s3().createMultipartUpload(r -> r.bucket(bucket("ExportsBucket")).key("exports/" + ws + "/cut-short.zip"));
        }
        return new Seeded(workspace, badgeId, rep, joiner);
    }

    static String bucket(String logicalId) {
        return aws.stack().physicalId(logicalId);
    }

    /** Every item of the table that names the workspace: in a key or an index key, or as the workspace it points into. */
    static Map<String, Map<String, AttributeValue>> itemsNaming(String ws) {
        Map<String, Map<String, AttributeValue>> found = new TreeMap<>();
        aws.dynamo().scanPaginator(r -> r.tableName(aws.tableName()).consistentRead(true)).items().forEach(item -> {
            boolean inKeys = List.of("pk", "sk", "gsi1pk", "gsi1sk").stream().filter(item::containsKey)
                    .anyMatch(k -> item.get(k).s().contains(ws));
            boolean pointsIn = item.containsKey("workspaceId") && ws.equals(item.get("workspaceId").s());
            if (inKeys || pointsIn) {
                found.put(item.get("pk").s() + " / " + item.get("sk").s(), item);
            }
        });
        return found;
    }

    static Set<String> objectKeys(String ws) {
        Set<String> keys = new TreeSet<>();
        for (String[] place : List.of(new String[] {"ExportsBucket", "exports/"}, new String[] {"BadgeImagesBucket", "badges/"})) {
            aws.clients().s3().listObjectsV2Paginator(r -> r.bucket(bucket(place[0])).prefix(place[1] + ws + "/")).contents()
                    .forEach(o -> keys.add(place[0] + ":" + o.key()));
            aws.clients().s3().listMultipartUploads(r -> r.bucket(bucket(place[0])).prefix(place[1] + ws + "/")).uploads()
                    .stream().filter(u -> u.key().startsWith(place[1] + ws + "/"))
                    .forEach(u -> keys.add(place[0] + ":upload:" + u.key()));
        }
        return keys;
    }

    static Set<String> accountsOf(String ws) {
        return aws.clients().cognito().listUsersPaginator(r -> r.userPoolId(aws.userPoolId())).users().stream()
                .flatMap(u -> u.attributes().stream()).filter(a -> a.name().equals("email") && a.value().contains(ws))
                .map(a -> a.value()).collect(Collectors.toCollection(TreeSet::new));
    }

    static LambdaApi.Response support(String method, String path, String body) {
        return api.callAsSupport(staff, method, path, body);
    }

    static void assertProblem(LambdaApi.Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("type").asText()).endsWith(type);
    }

    static String state(String requestId) {
        return support("GET", "/v1/support/deletion-requests/" + requestId, null).json().path("state").asText();
    }

    @Test
    void a_deleted_workspace_leaves_nothing_but_its_tombstone_and_the_other_workspace_is_untouched() throws Exception {
        // The other one first: seeding drains the export queue, which must keep the doomed one's pending export.
        Seeded staying = seed(KEPT, false);
        Seeded doomed = seed(GONE, true);
        String admin = doomed.workspace().admin().subject();
        String manager = aws.workspaces().addUser(GONE, "usr_" + GONE + "_mgr", "mgr@" + GONE + ".test", "Mona Manager",
                "manager", null, PASSWORD).subject();
        String otherAdmin = staying.workspace().admin().subject();
        String credential = "/openbadges/credentials/" + GONE + "~" + doomed.rep() + "~first-deal-won";
        ok(api.call("GET", credential, null, null), 200);

        // (1) Support opens, with a ticket and a reason; every Admin is told.
        String requestId = ok(support("POST", "/v1/support/workspaces/" + GONE + "/deletion-requests",
                json("ticket", "SUP-4711", "reason", "Contract ended")), 201).json().path("id").asText();
        Map<String, Map<String, AttributeValue>> seededGone = itemsNaming(GONE);
        Map<String, Map<String, AttributeValue>> keptBefore = itemsNaming(KEPT);
        Set<String> keptObjects = objectKeys(KEPT);
        Set<String> keptAccounts = accountsOf(KEPT);
        Set<String> sortKeys = seededGone.values().stream().filter(i -> i.get("pk").s().equals("WS#" + GONE))
                .map(i -> i.get("sk").s()).collect(Collectors.toSet());
        assertThat(KINDS).as("the seed holds every kind of item").allSatisfy(kind ->
                assertThat(sortKeys).anyMatch(sk -> sk.startsWith(kind)));
        assertThat(seededGone.keySet()).as("and the partitions and index entries outside it")
                .anyMatch(k -> k.startsWith("WS#" + GONE + "#AUDIT / "))
                .anyMatch(k -> k.startsWith("SUBJECT#") && k.endsWith("#PRINCIPAL"))
                .anyMatch(k -> k.startsWith("SUBJECT#") && k.endsWith("#CRM"))
                .anyMatch(k -> k.startsWith("INVITATION_TOKEN#"));
        assertThat(seededGone.values()).extracting(i -> i.containsKey("gsi1pk") ? i.get("gsi1pk").s() : "")
                .contains("WS#" + GONE + "#INVITATIONS#PENDING", "WS#" + GONE + "#AWARDS", "PLANCHANGES#DUE");
        assertThat(objectKeys(GONE)).hasSize(3);
        assertThat(accountsOf(GONE)).hasSize(5);

        // (2) Wrong confirmations and skipped steps: problem JSON, nothing moves.
        ok(api.call("GET", "/v1/workspace/deletion-requests/" + requestId, null, admin), 200);
        assertProblem(api.call("GET", "/v1/workspace/deletion-requests/" + requestId, null, manager), 403, "deletion-admin-only");
        assertProblem(api.call("GET", "/v1/workspace/deletion-requests/" + requestId, null, otherAdmin), 404, "not-found");
        assertProblem(support("POST", "/v1/support/deletion-requests/" + requestId + "/execute", json("workspaceId", GONE)),
                409, "deletion-step-not-allowed");
        assertProblem(api.call("POST", "/v1/workspace/deletion-requests/" + requestId + "/confirm",
                json("workspaceName", "Name of " + KEPT), otherAdmin), 404, "not-found");
        assertProblem(support("POST", "/v1/workspace/deletion-requests/" + requestId + "/confirm",
                json("workspaceName", "Name of " + GONE)), 403, "workspace-route");
        assertProblem(api.call("POST", "/v1/support/deletion-requests/" + requestId + "/execute", json("workspaceId", GONE),
                admin), 403, "support-identity-required");
        var wrongName = api.call("POST", "/v1/workspace/deletion-requests/" + requestId + "/confirm",
                json("workspaceName", "name of " + GONE), admin);
        assertProblem(wrongName, 422, "workspace-name-mismatch");
        assertThat(state(requestId)).isEqualTo("open");
        assertThat(itemsNaming(KEPT)).isEqualTo(keptBefore);

        // (3) The Admin confirms by the exact name: from now on the workspace is read-only.
        clock.advance(Duration.ofSeconds(1));
        ok(api.call("POST", "/v1/workspace/deletion-requests/" + requestId + "/confirm",
                json("workspaceName", "Name of " + GONE), admin), 200);
        assertProblem(api.call("POST", "/v1/roles", json("name", "Late", "permissions", List.of()), admin), 409,
                "workspace-being-deleted");
        assertProblem(api.call("POST", "/v1/exports", "{}", admin), 409, "workspace-being-deleted");
        assertProblem(support("POST", "/v1/support/deletion-requests/" + requestId + "/execute", json("workspaceId", GONE)),
                409, "deletion-waiting-period");
        clock.advance(Duration.ofHours(72));
        assertProblem(support("POST", "/v1/support/deletion-requests/" + requestId + "/execute", json("workspaceId", KEPT)),
                422, "invalid-input");
        assertThat(state(requestId)).isEqualTo("confirmed");

        // (4) Support executes, restating the workspace; the worker purges from the queue.
        ok(support("POST", "/v1/support/deletion-requests/" + requestId + "/execute", json("workspaceId", GONE)), 202);
        // What the purge must remove and count: both partitions but the two items its last step removes.
        long items = itemsNaming(GONE).keySet().stream()
                .filter(k -> k.startsWith("WS#" + GONE + " / ") || k.startsWith("WS#" + GONE + "#AUDIT / "))
                .filter(k -> !k.endsWith(" / #WORKSPACE") && !k.endsWith(" / #DELETION_LIVE")).count();
        assertThat(emails.to("admin@" + GONE + ".test")).filteredOn(e -> e.subject().contains("deletion"))
                .as("opened, confirmed, executed").hasSize(3);
        assertThat(deletionWorker.drain()).isPositive();

        var done = ok(support("GET", "/v1/support/deletion-requests/" + requestId, null), 200).json();
        assertThat(done.path("state").asText()).isEqualTo("done");
        assertThat(done.path("deleted").path("accounts").asLong()).isEqualTo(5);
        assertThat(done.path("deleted").path("objects").asLong()).isEqualTo(2);
        assertThat(done.path("deleted").path("uploads").asLong()).isEqualTo(1);
        assertThat(done.path("deleted").path("items").asLong()).isEqualTo(items);
        assertThat(done.path("confirmedBy").asText()).isEqualTo(doomed.workspace().admin().id());
        assertThat(done.path("executedBy").asText()).isEqualTo("support:" + staff);
        assertThat(done.path("openedBy").asText()).isEqualTo("support:" + staff);
        assertThat(done.path("ticket").asText()).isEqualTo("SUP-4711");
        assertThat(done.path("reason").asText()).as("support's free text goes with the data").isEmpty();

        // (5) Work left in queues and schedules recreates nothing.
        exportWorker.drain();
        clock.advance(Duration.ofDays(40));
        try (PlanDowngradesHandler scheduler = new PlanDowngradesHandler(new LambdaApplicationContextBuilder().singletons(clock))) {
            scheduler.handleRequest(Map.of("job", "plan-downgrades"), new MockLambdaContext());
        }

        assertProblem(support("POST", "/v1/support/workspaces/" + GONE + "/deletion-requests",
                json("ticket", "SUP-4712", "reason", "again")), 404, "not-found");

        // (6) Nothing of it is left but the tombstones, which hold no personal data.
        Map<String, Map<String, AttributeValue>> left = itemsNaming(GONE);
        assertThat(left.keySet()).containsExactlyInAnyOrder("DELETION#" + requestId + " / #DELETION",
                "SUPPORT#WORKSPACES / WS#" + GONE);
        assertThat(left.values().toString()).doesNotContain("Name of", "@" + GONE, "Remy", "Jane", "Contract ended");
        assertThat(objectKeys(GONE)).isEmpty();
        assertThat(accountsOf(GONE)).isEmpty();
        assertThatThrownBy(() -> aws.signIn().accessToken("admin@" + GONE + ".test", PASSWORD))
                .isInstanceOfAny(NotAuthorizedException.class, UserNotFoundException.class);
        assertThat(api.call("GET", "/v1/me", null, admin).status()).isIn(401, 403);
        assertProblem(api.call("GET", credential, null, null), 410, "workspace-deleted");
        assertProblem(api.call("GET", "/openbadges/issuers/" + GONE, null, null), 410, "workspace-deleted");
        assertProblem(api.call("GET", "/openbadges/achievements/" + GONE + "~" + doomed.badgeId(), null, null), 410,
                "workspace-deleted");
        assertProblem(api.call("GET", "/openbadges/images/" + GONE + "~first-deal-won", null, null), 410, "workspace-deleted");
        assertThat(api.call("GET", "/openbadges/issuers/ws-never-was", null, null).status()).isEqualTo(404);

        // (7) The other workspace, item by item, object by object, account by account.
        assertThat(itemsNaming(KEPT)).isEqualTo(keptBefore);
        assertThat(objectKeys(KEPT)).isEqualTo(keptObjects);
        assertThat(accountsOf(KEPT)).isEqualTo(keptAccounts);
        ok(api.call("GET", "/openbadges/credentials/" + KEPT + "~" + staying.rep() + "~first-deal-won", null, null), 200);
    }
}
