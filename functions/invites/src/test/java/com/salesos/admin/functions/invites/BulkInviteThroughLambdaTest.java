package com.salesos.admin.functions.invites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesos.admin.access.BuiltInRoles;
import com.salesos.admin.access.Caller;
import com.salesos.admin.access.Permission;
import com.salesos.admin.access.Role;
import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.aws.access.DynamoCallerDirectory;
import com.salesos.admin.aws.access.DynamoRoleCatalog;
import com.salesos.admin.aws.access.DynamoRoleStore;
import com.salesos.admin.aws.audit.DynamoAuditLog;
import com.salesos.admin.aws.invites.DynamoBulkInvitationStore;
import com.salesos.admin.aws.invites.SqsInvitationQueue;
import com.salesos.admin.aws.workspaces.DynamoSeatLedger;
import com.salesos.admin.aws.workspaces.DynamoWorkspaceDirectory;
import com.salesos.admin.common.TimeOrderedIds;
import com.salesos.admin.emulator.LambdaApi;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.testing.MovableClock;
import com.salesos.admin.invites.AbandonedBulkFiles;
import com.salesos.admin.invites.BulkInvitationService;
import com.salesos.admin.users.User;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** POST /v1/invitations/bulk through the real handler against moto: outcomes, seats, malformed files, retries, crashes. */
class BulkInviteThroughLambdaTest {

    static final String PASSWORD = "Correct-Horse-9-Battery";
    static final String WS = "ws-bulk";
    static LocalAws aws;
    static LambdaApi api;
    static User admin;
    static String fieldOps;

    @BeforeAll
    static void setUp() {
        aws = LocalAws.fresh();
        aws.workspaces().createWorkspace(WS, "Bulk Co", "team", 30);
        aws.workspaces().addTeam(WS, "team-east", "East");
        admin = aws.workspaces().addUser(WS, "usr_admin", "admin@bulk.test", "Admin", "admin", null, PASSWORD);
        aws.workspaces().addUser(WS, "usr_rep", "rep@bulk.test", "Rep", "sales-rep", null, PASSWORD);
        fieldOps = "role_field_ops";
        Role role = new Role(fieldOps, "Field Ops", EnumSet.of(Permission.DATA_EXPORT), false);
        new DynamoRoleStore(aws.dynamo(), aws.tableName(), auditLog()).create(WS, role,
                new AuditEvent(WS, "usr_admin", "role.created", "role", fieldOps, Instant.now(), Map.of(), Map.of()),
                Optional.empty(), com.salesos.admin.access.RoleService.MAX_CUSTOM_ROLES);
        api = new LambdaApi();
        var pending = api.call("POST", "/v1/invitations",
                LambdaApi.json("email", "pending@bulk.test", "name", "Pending", "role", "manager"), admin.subject());
        assertThat(pending.status()).as(pending.body()).isEqualTo(201);
    }

    @AfterAll
    static void tearDown() {
        api.close();
    }

    @Test
    void a_mixed_file_gets_exact_per_row_outcomes_and_only_its_valid_rows_are_invited() {
        long usedBefore = counter(WS, "seatsUsed");
        int queuedBefore = queueDepth();
        // BOM, CRLF, columns in another order, quoted fields with commas and doubled quotes.
        String csv = "\uFEFFname,email,team,role\r\n"
                + "Ann,ann@mixed.test,East,Sales Rep\r\n"
                + "Bad,not-an-email,,sales-rep\r\n"
                + "Unknown,un@mixed.test,,overlord\r\n"
                + "Dup,ANN@Mixed.test,,sales-rep\r\n"
                + "Member,rep@bulk.test,,sales-rep\r\n"
                + "Invited,pending@bulk.test,,manager\r\n"
                + "\"=HYPERLINK(\"\"http://evil.test\"\",\"\"x\"\")\",formula@mixed.test,,Field Ops\r\n"
                + "Teamless,t@mixed.test,Nowhere,sales-rep\r\n"
                + "\"Smith, Jo\",jo@mixed.test,team-east,Manager\r\n"
                + ",,,\r\n";

        var response = upload(csv, Map.of());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode report = response.json();
        assertThat(outcomes(report)).containsExactly(
                "2 ann@mixed.test invited null",
                "3 not-an-email rejected invalid-email",
                "4 un@mixed.test rejected unknown-role",
                "5 ANN@Mixed.test rejected duplicate-in-file",
                "6 rep@bulk.test rejected email-taken",
                "7 pending@bulk.test rejected email-taken",
                "8 formula@mixed.test invited null",
                "9 t@mixed.test rejected unknown-team",
                "10 jo@mixed.test invited null",
                "11  rejected email-required");
        assertThat(report.path("rows").get(3).path("reason").asText()).isEqualTo("the same email is on row 2");
        assertThat(report.path("rows").get(9).path("reason").asText())
                .isEqualTo("email is required; name is required; role is required");
        assertThat(report.path("invited").asInt()).isEqualTo(3);
        assertThat(report.path("rejected").asInt()).isEqualTo(7);
        assertThat(report.path("emailsQueued").asInt()).isEqualTo(3);
        assertThat(counter(WS, "seatsUsed")).isEqualTo(usedBefore + 3);
        assertThat(counter(WS, "seatsUsed")).isEqualTo(counter(WS, "activeUsers") + counter(WS, "pendingInvitations"));
        assertThat(queueDepth()).isEqualTo(queuedBefore + 3);

        JsonNode formula = invitation("formula@mixed.test");
        // Spreadsheet formulas are text to us: stored exactly as typed, never evaluated.
        assertThat(formula.path("name").asText()).isEqualTo("=HYPERLINK(\"http://evil.test\",\"x\")");
        assertThat(formula.path("role").path("name").asText()).isEqualTo("Field Ops");
        assertThat(formula.path("delivery").asText()).isEqualTo("queued");
        assertThat(invitation("ann@mixed.test").path("teamId").asText()).isEqualTo("team-east");
        assertThat(invitation("jo@mixed.test").path("name").asText()).isEqualTo("Smith, Jo");
        assertThat(roleHolders(fieldOps)).as("the file's hold on the role became one per invitation").isEqualTo(1);
    }

    @Test
    void a_file_needing_more_seats_than_are_free_invites_nobody_and_says_how_many_are_missing() {
        long free = counter(WS, "seatLimit") - counter(WS, "seatsUsed");
        StringBuilder csv = new StringBuilder("email,name,role\n");
        for (int i = 0; i < free + 2; i++) {
            csv.append("short").append(i).append("@seats.test,Person ").append(i).append(",sales-rep\n");
        }
        TreeSet<String> before = table();

        var response = upload(csv.toString(), Map.of());

        assertThat(response.status()).as(response.body()).isEqualTo(409);
        assertThat(response.json().path("type").asText()).endsWith("/seats-exhausted");
        assertThat(response.json().path("seatsMissing").asLong()).isEqualTo(2);
        assertThat(response.json().path("detail").asText()).contains((free + 2) + " seats are needed but only " + free);
        assertThat(table()).as("nothing invited, nothing held").isEqualTo(before);
    }

    @Test
    void malformed_files_answer_problem_json_and_write_nothing() {
        TreeSet<String> before = table();
        int queued = queueDepth();
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put("unclosed quote", "email,name,role\nann@x.test,\"Ann,sales-rep\n".getBytes(StandardCharsets.UTF_8));
        files.put("text after a closing quote", "email,name,role\nann@x.test,\"Ann\"x,sales-rep\n".getBytes(StandardCharsets.UTF_8));
        files.put("extra column", "email,name,role,phone\nann@x.test,Ann,sales-rep,123\n".getBytes(StandardCharsets.UTF_8));
        files.put("missing column", "email,name\nann@x.test,Ann\n".getBytes(StandardCharsets.UTF_8));
        files.put("wrong header", "mail,fullname,role\nann@x.test,Ann,sales-rep\n".getBytes(StandardCharsets.UTF_8));
        files.put("binary", new byte[] {0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, (byte) 0xff, (byte) 0xfe, 0x01});
        files.put("not UTF-8", "email,name,role\nann@x.test,Ren\u00e9,sales-rep\n".getBytes(StandardCharsets.ISO_8859_1));
        files.put("NUL in text", "email,name,role\nann@x.test,A\u0000nn,sales-rep\n".getBytes(StandardCharsets.UTF_8));
        files.put("empty", new byte[0]);
        files.put("only a BOM and blank lines", "\uFEFF\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        files.put("header only", "email,name,role,team\r\n".getBytes(StandardCharsets.UTF_8));
        List<String> wrong = new ArrayList<>();
        for (var file : files.entrySet()) {
            var response = api.callBytes("POST", "/v1/invitations/bulk", file.getValue(), "text/csv", admin.subject(), Map.of());
            if (response.status() != 422 || !response.header("Content-Type").startsWith("application/problem+json")
                    || !response.json().path("type").asText().endsWith("/invalid-csv")) {
                wrong.add(file.getKey() + ": " + response.status() + " " + response.body());
            }
        }
        assertThat(wrong).isEmpty();
        var extra = upload("email,name,role,phone\nann@x.test,Ann,sales-rep,1\n", Map.of());
        assertThat(extra.json().path("detail").asText()).contains("unknown column 'phone'");
        assertThat(extra.json().path("errors").get(0).path("field").asText()).isEqualTo("header");

        var json = api.call("POST", "/v1/invitations/bulk", "{\"email\":\"x@y.test\"}", admin.subject());
        assertThat(json.status()).isEqualTo(415);
        assertThat(json.header("Content-Type")).startsWith("application/problem+json");

        byte[] huge = new byte[2 * 1024 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) 'a');
        var tooLarge = api.callBytes("POST", "/v1/invitations/bulk", huge, "text/csv", admin.subject(), Map.of());
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().path("limitBytes").asInt()).isEqualTo(2 * 1024 * 1024);
        assertThat(tooLarge.json().path("detail").asText()).contains("2097152 bytes");

        StringBuilder rows = new StringBuilder("email,name,role\n");
        for (int i = 0; i <= 5_000; i++) {
            rows.append("r").append(i).append("@many.test,R,sales-rep\n");
        }
        var tooMany = upload(rows.toString(), Map.of());
        assertThat(tooMany.status()).isEqualTo(413);
        assertThat(tooMany.json().path("limitRows").asInt()).isEqualTo(5_000);
        assertThat(tooMany.json().path("detail").asText()).contains("at most 5000 data rows");

        assertThat(table()).isEqualTo(before);
        assertThat(queueDepth()).isEqualTo(queued);
    }

    @Test
    void a_retry_with_the_same_key_reports_the_same_rows_and_invites_nobody_twice() {
        String csv = "email,name,role\nkey1@retry.test,Key One,sales-rep\nkey2@retry.test,Key Two,manager\nbad,Bad,sales-rep\n";
        var first = upload(csv, Map.of("Idempotency-Key", "bulk-retry-1"));
        long used = counter(WS, "seatsUsed");
        int queued = queueDepth();

        var again = upload(csv, Map.of("Idempotency-Key", "bulk-retry-1"));
        var other = upload(csv + "key3@retry.test,Key Three,sales-rep\n", Map.of("Idempotency-Key", "bulk-retry-1"));

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(outcomes(again.json())).isEqualTo(outcomes(first.json()));
        assertThat(again.json().path("invited").asInt()).isEqualTo(2);
        assertThat(counter(WS, "seatsUsed")).isEqualTo(used);
        assertThat(queueDepth()).as("no second email").isEqualTo(queued);
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().path("type").asText()).endsWith("/idempotency-key-reused");
    }

    @Test
    void a_bulk_file_racing_single_invites_never_takes_a_seat_beyond_the_limit() throws Exception {
        String ws = "ws-race";
        aws.workspaces().createWorkspace(ws, "Race", "team", 40);
        User raceAdmin = aws.workspaces().addUser(ws, "usr_race_admin", "admin@race.test", "Admin", "admin", null, PASSWORD);
        StringBuilder csv = new StringBuilder("email,name,role\n");
        for (int i = 0; i < 30; i++) {
            csv.append("bulk").append(i).append("@race.test,Bulk ").append(i).append(",sales-rep\n");
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<LambdaApi.Response>> calls = new ArrayList<>();
            calls.add(() -> api.callBytes("POST", "/v1/invitations/bulk", csv.toString().getBytes(StandardCharsets.UTF_8),
                    "text/csv", raceAdmin.subject(), Map.of()));
            for (int i = 0; i < 20; i++) {
                String body = LambdaApi.json("email", "single" + i + "@race.test", "name", "Single " + i, "role", "sales-rep");
                calls.add(() -> api.call("POST", "/v1/invitations", body, raceAdmin.subject()));
            }
            List<Future<LambdaApi.Response>> answers = pool.invokeAll(calls);
            var bulk = answers.get(0).get();
            long singles = 0;
            for (int i = 1; i < answers.size(); i++) {
                int status = answers.get(i).get().status();
                assertThat(status).as(answers.get(i).get().body()).isIn(201, 409);
                singles += status == 201 ? 1 : 0;
            }
            assertThat(bulk.status()).as(bulk.body()).isIn(200, 409);
            long invitedByFile = bulk.status() == 200 ? bulk.json().path("invited").asLong() : 0;
            assertThat(invitedByFile).isIn(0L, 30L);
            assertThat(counter(ws, "seatsUsed")).isLessThanOrEqualTo(40).isEqualTo(1 + invitedByFile + singles);
            assertThat(counter(ws, "pendingInvitations")).isEqualTo(invitedByFile + singles).isEqualTo(pendingInvitations(ws));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_file_that_crashes_mid_way_stays_within_the_limit_and_a_retry_with_the_same_key_finishes_it_without_duplicates() {
        String ws = "ws-crash";
        aws.workspaces().createWorkspace(ws, "Crash", "enterprise", 500);
        User crashAdmin = aws.workspaces().addUser(ws, "usr_crash_admin", "admin@crash.test", "Admin", "admin", null, PASSWORD);
        String csv = rows("crash", 100);
        MovableClock clock = new MovableClock(Instant.now());
        // 100 rows: 3 lanes of 34, 33 and 33 rows, one batch each; the third batch to start dies.
        BulkInvitationService crashing = service(clock, crashOnThirdBatch());
        assertThatThrownBy(() -> crashing.invite(caller(crashAdmin), BulkCsvReader.read(bytes(csv)), Optional.of("crash-key")))
                .hasMessageContaining("process died");
        long written = pendingInvitations(ws);
        assertThat(written).as("two lanes wrote, one died").isIn(66L, 67L);
        assertThat(counter(ws, "seatsUsed")).as("every seat of the file held, none beyond").isEqualTo(1 + 100);
        assertThat(guards(ws)).as("no row half-written").isEqualTo(1 + written);

        try (LambdaApi later = new LambdaApi(clock)) {
            var tooEarly = later.callBytes("POST", "/v1/invitations/bulk", bytes(csv), "text/csv", crashAdmin.subject(),
                    Map.of("Idempotency-Key", "crash-key"));
            assertThat(tooEarly.status()).as(tooEarly.body()).isEqualTo(409);
            assertThat(tooEarly.json().path("type").asText()).endsWith("/bulk-invitation-in-progress");
            assertThat(tooEarly.header("Retry-After")).isNotBlank();

            clock.advance(BulkInvitationService.LEASE.plusSeconds(1));
            var retry = later.callBytes("POST", "/v1/invitations/bulk", bytes(csv), "text/csv", crashAdmin.subject(),
                    Map.of("Idempotency-Key", "crash-key"));

            assertThat(retry.status()).as(retry.body()).isEqualTo(200);
            assertThat(retry.json().path("invited").asInt()).isEqualTo(100);
            assertThat(retry.json().path("replayed").asBoolean()).isTrue();
        }
        assertThat(pendingInvitations(ws)).isEqualTo(100);
        assertThat(guards(ws)).isEqualTo(101);
        assertThat(counter(ws, "seatsUsed")).isEqualTo(101);
        assertThat(counter(ws, "pendingInvitations")).isEqualTo(100);
        assertThat(openFiles(ws)).isZero();
    }

    @Test
    void an_abandoned_file_gives_its_unused_seats_back_when_the_sweep_runs() {
        String ws = "ws-swept";
        aws.workspaces().createWorkspace(ws, "Swept", "enterprise", 500);
        User sweptAdmin = aws.workspaces().addUser(ws, "usr_swept_admin", "admin@swept.test", "Admin", "admin", null, PASSWORD);
        MovableClock clock = new MovableClock(Instant.now());
        BulkInvitationService crashing = service(clock, crashOnThirdBatch());
        assertThatThrownBy(() -> crashing.invite(caller(sweptAdmin), BulkCsvReader.read(bytes(rows("swept", 100))),
                Optional.empty())).hasMessageContaining("process died");
        long written = pendingInvitations(ws);
        AbandonedBulkFiles sweep = new AbandonedBulkFiles(store(), clock);

        assertThat(sweep.release()).as("within its lease the file may still be running").isZero();
        assertThat(counter(ws, "seatsUsed")).isEqualTo(101);
        clock.advance(BulkInvitationService.LEASE.plusSeconds(1));
        assertThat(sweep.release()).isEqualTo(1);
        assertThat(sweep.release()).as("released once").isZero();

        assertThat(written).isIn(66L, 67L);
        assertThat(counter(ws, "seatsUsed")).isEqualTo(1 + written);
        assertThat(counter(ws, "pendingInvitations")).isEqualTo(pendingInvitations(ws)).isEqualTo(written);
        assertThat(openFiles(ws)).isZero();
    }

    // ------------------------------------------------------------------ helpers

    /** Plays a crash mid-file: the third batch to start (of any lane) dies before it is written. */
    private static java.util.function.Consumer<Integer> crashOnThirdBatch() {
        java.util.concurrent.atomic.AtomicInteger started = new java.util.concurrent.atomic.AtomicInteger();
        return batch -> {
            if (started.incrementAndGet() == 3) {
                throw new IllegalStateException("process died");
            }
        };
    }

    private static BulkInvitationService service(Clock clock, java.util.function.Consumer<Integer> beforeBatch) {
        var ids = new TimeOrderedIds(clock, new SecureRandom());
        var queue = new SqsInvitationQueue(aws.clients().sqs(), aws.stack().physicalId("InvitationQueue"));
        return new BulkInvitationService(store(), queue, new DynamoRoleCatalog(aws.dynamo(), aws.tableName()),
                new DynamoWorkspaceDirectory(aws.dynamo(), aws.tableName()), ids, new SecureRandom(), clock, beforeBatch);
    }

    private static DynamoBulkInvitationStore store() {
        return new DynamoBulkInvitationStore(aws.dynamo(), aws.tableName(), new DynamoSeatLedger(aws.dynamo(), aws.tableName()),
                auditLog());
    }

    private static DynamoAuditLog auditLog() {
        return new DynamoAuditLog(aws.tableName(), new TimeOrderedIds(Clock.systemUTC(), new SecureRandom()));
    }

    private static Caller caller(User user) {
        return new DynamoCallerDirectory(aws.dynamo(), aws.tableName(), new DynamoRoleCatalog(aws.dynamo(), aws.tableName()))
                .findBySubject(user.subject()).orElseThrow();
    }

    private static String rows(String tag, int count) {
        StringBuilder csv = new StringBuilder("email,name,role\n");
        for (int i = 0; i < count; i++) {
            csv.append(tag).append(i).append("@").append(tag).append(".test,Person ").append(i).append(",sales-rep\n");
        }
        return csv.toString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static LambdaApi.Response upload(String csv, Map<String, String> headers) {
        return api.callBytes("POST", "/v1/invitations/bulk", bytes(csv), "text/csv", admin.subject(), headers);
    }

    private static List<String> outcomes(JsonNode report) {
        List<String> lines = new ArrayList<>();
        report.path("rows").forEach(r -> lines.add(r.path("row").asInt() + " " + r.path("email").asText() + " "
                + r.path("outcome").asText() + " " + (r.path("code").isNull() ? "null" : r.path("code").asText())));
        return lines;
    }

    private static JsonNode invitation(String email) {
        var page = api.call("GET", "/v1/invitations?limit=200", null, admin.subject()).json();
        for (JsonNode item : page.path("items")) {
            if (item.path("email").asText().equals(email)) {
                return item;
            }
        }
        throw new AssertionError("no invitation for " + email);
    }

    private static long counter(String ws, String name) {
        var item = aws.dynamo().getItem(r -> r.tableName(aws.tableName()).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("WS#" + ws), "sk", AttributeValue.fromS("#WORKSPACE")))).item();
        return item.get(name) == null ? 0 : Long.parseLong(item.get(name).n());
    }

    private static long roleHolders(String roleId) {
        var item = aws.dynamo().getItem(r -> r.tableName(aws.tableName()).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("WS#" + WS), "sk", AttributeValue.fromS("ROLE#" + roleId)))).item();
        return Long.parseLong(item.get("holders").n());
    }

    private static long pendingInvitations(String ws) {
        return items(ws, "INVITATION#").stream().filter(i -> "PENDING".equals(i.get("status").s())).count();
    }

    private static long guards(String ws) {
        return items(ws, "EMAIL#").size();
    }

    private static long openFiles(String ws) {
        return items(ws, "BULK#").stream().filter(i -> i.containsKey("state") && "OPEN".equals(i.get("state").s())).count();
    }

    private static List<Map<String, AttributeValue>> items(String ws, String prefix) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        aws.dynamo().queryPaginator(r -> r.tableName(aws.tableName()).consistentRead(true)
                        .keyConditionExpression("pk = :p AND begins_with(sk, :s)")
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("WS#" + ws), ":s", AttributeValue.fromS(prefix))))
                .items().forEach(items::add);
        return items;
    }

    private static TreeSet<String> table() {
        TreeSet<String> items = new TreeSet<>();
        aws.dynamo().scanPaginator(ScanRequest.builder().tableName(aws.tableName()).consistentRead(true).build())
                .items().forEach(item -> items.add(new java.util.TreeMap<>(item).toString()));
        return items;
    }

    private static int queueDepth() {
        String url = aws.stack().physicalId("InvitationQueue");
        try (var sqs = aws.clients().sqs()) {
            return Integer.parseInt(sqs.getQueueAttributes(r -> r.queueUrl(url)
                    .attributeNamesWithStrings("ApproximateNumberOfMessages")).attributesAsStrings()
                    .get("ApproximateNumberOfMessages"));
        }
    }
}
