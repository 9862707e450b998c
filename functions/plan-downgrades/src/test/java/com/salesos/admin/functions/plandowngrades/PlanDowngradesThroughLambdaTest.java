package com.salesos.admin.functions.plandowngrades;

import static com.salesos.admin.emulator.LambdaApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.aws.audit.DynamoAuditLog;
import com.salesos.admin.aws.invites.DynamoBulkInvitationStore;
import com.salesos.admin.aws.workspaces.DynamoSeatLedger;
import com.salesos.admin.common.TimeOrderedIds;
import com.fasterxml.jackson.databind.JsonNode;
import com.salesos.admin.emulator.CapturedLogs;
import com.salesos.admin.emulator.LambdaApi;
import com.salesos.admin.invites.BulkInvitationService;
import com.salesos.admin.invites.BulkInvitationStore;
import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.aws.support.DynamoDeletionRequests;
import com.salesos.admin.aws.table.SortableTime;
import com.salesos.admin.support.DeletionRequest;
import java.security.SecureRandom;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.testing.MovableClock;
import com.salesos.admin.emulator.ScheduleDriver;
import com.salesos.admin.users.User;
import io.micronaut.function.aws.LambdaApplicationContextBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The scheduled function as EventBridge Scheduler runs it: the template's schedule Input into the
 * handler Lambda builds, after the plans function (through its own handler) scheduled a downgrade.
 */
class PlanDowngradesThroughLambdaTest {

    static final String PASSWORD = "Correct-Horse-9-Battery";
    static LocalAws aws;
    static MovableClock clock;
    static LambdaApi plans;
    static PlanDowngradesHandler handler;
    static ScheduleDriver<Map<String, Object>> schedule;

    @BeforeAll
    static void setUp() {
        aws = LocalAws.fresh();
        clock = new MovableClock(Instant.now());
        plans = new LambdaApi(clock);
        handler = new PlanDowngradesHandler(new LambdaApplicationContextBuilder().singletons(clock));
        schedule = new ScheduleDriver<>(aws.stack().template(), "PlanDowngradesFunction", handler);
    }

    @AfterAll
    static void tearDown() {
        handler.close();
        plans.close();
    }

    @Test
    void a_scheduled_run_applies_a_due_downgrade_once_and_not_before_it_is_due() {
        aws.workspaces().createWorkspace("ws-due", "Due", "team", 10);
        User admin = aws.workspaces().addUser("ws-due", "usr_due_admin", "admin@due.test", "Admin", "admin", null, PASSWORD);
        var scheduled = plans.call("POST", "/v1/billing/plan-changes", json("tier", "starter"), admin.subject());
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(202);
        Instant effectiveAt = Instant.parse(scheduled.json().path("effectiveAt").asText());

        clock.set(effectiveAt.minusSeconds(60));
        assertThat((List<?>) schedule.fire().get("applied")).isEmpty();

        clock.advance(Duration.ofMinutes(2));
        assertThat(schedule.fire().get("applied")).isEqualTo(List.of("ws-due"));
        assertThat((List<?>) schedule.fire().get("applied")).isEmpty();

        Map<String, AttributeValue> workspace = aws.dynamo().getItem(r -> r.tableName(aws.tableName()).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("WS#ws-due"), "sk", AttributeValue.fromS("#WORKSPACE")))).item();
        assertThat(workspace.get("tier").s()).isEqualTo("starter");
        assertThat(workspace).doesNotContainKey("pendingTier");
    }

    @Test
    void a_scheduled_run_gives_back_the_seats_of_a_bulk_file_whose_request_died_once_its_lease_is_over() {
        aws.workspaces().createWorkspace("ws-abandoned", "Abandoned", "team", 10);
        aws.workspaces().addUser("ws-abandoned", "usr_abandoned_admin", "admin@abandoned.test", "Admin", "admin", null, PASSWORD);
        var store = new DynamoBulkInvitationStore(aws.dynamo(), aws.tableName(),
                new DynamoSeatLedger(aws.dynamo(), aws.tableName()),
                new DynamoAuditLog(aws.tableName(), new TimeOrderedIds(clock, new SecureRandom())));
        // A request reserved four seats for its file and died before writing a row.
        var reserved = store.reserve(new BulkInvitationStore.ReservationRequest("ws-abandoned", "file-abandoned", "run-1",
                List.of(4L), Set.of(), clock.instant().plus(BulkInvitationService.LEASE), Optional.empty(),
                "usr_abandoned_admin", clock.instant()));
        assertThat(reserved).isInstanceOf(BulkInvitationStore.Reservation.Reserved.class);
        assertThat(seatsUsed("ws-abandoned")).isEqualTo(5);

        assertThat(schedule.fire().get("bulkFilesReleased")).as("within its lease it may still be running").isEqualTo(0);
        clock.advance(BulkInvitationService.LEASE.plusSeconds(1));
        assertThat(schedule.fire().get("bulkFilesReleased")).isEqualTo(1);
        assertThat(schedule.fire().get("bulkFilesReleased")).as("released once").isEqualTo(0);

        assertThat(seatsUsed("ws-abandoned")).isEqualTo(1);
    }

    private static long seatsUsed(String workspaceId) {
        return Long.parseLong(aws.dynamo().getItem(r -> r.tableName(aws.tableName()).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("WS#" + workspaceId), "sk", AttributeValue.fromS("#WORKSPACE"))))
                .item().get("seatsUsed").n());
    }

    @Test
    void each_applied_downgrade_is_counted_once_as_an_emf_metric_for_its_workspace() {
        Instant effectiveAt = null;
        for (String ws : List.of("ws-count-a", "ws-count-b")) {
            aws.workspaces().createWorkspace(ws, ws, "team", 10);
            User admin = aws.workspaces().addUser(ws, "usr_" + ws, "admin@" + ws + ".test", "Admin", "admin", null, PASSWORD);
            var scheduled = plans.call("POST", "/v1/billing/plan-changes", json("tier", "starter"), admin.subject());
            assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(202);
            effectiveAt = Instant.parse(scheduled.json().path("effectiveAt").asText());
        }
        clock.set(effectiveAt.plusSeconds(60));

        List<JsonNode> first = metricLines(() -> schedule.fire());
        List<JsonNode> again = metricLines(() -> schedule.fire());

        assertThat(first).allSatisfy(line -> {
            assertThat(line.path("DowngradesApplied").asInt()).isEqualTo(1);
            assertThat(line.path("_aws").path("CloudWatchMetrics").get(0).path("Metrics").get(0).path("Name").asText())
                    .isEqualTo("DowngradesApplied");
        }).extracting(line -> line.path("workspaceId").asText()).containsExactlyInAnyOrder("ws-count-a", "ws-count-b");
        assertThat(again).as("nothing applied the second time, nothing counted").isEmpty();
    }

    /** The EMF lines the handler printed while {@code run} ran; every line must be JSON. */
    private static List<JsonNode> metricLines(Runnable run) {
        return CapturedLogs.during(run).metrics();
    }

    @Test
    void a_workspace_being_deleted_gets_neither_its_due_downgrade_nor_its_charge_until_the_deletion_is_cancelled() {
        aws.workspaces().createWorkspace("ws-lock", "Locked", "team", 10);
        User admin = aws.workspaces().addUser("ws-lock", "usr_lock_admin", "admin@lock.test", "Admin", "admin", null, PASSWORD);
        var scheduled = plans.call("POST", "/v1/billing/plan-changes", json("tier", "starter"), admin.subject());
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(202);
        Instant effectiveAt = Instant.parse(scheduled.json().path("effectiveAt").asText());
        // An upgrade's charge the billing gateway has not taken yet (its first attempt failed).
        Instant charged = clock.instant().minus(Duration.ofHours(1));
        aws.dynamo().putItem(r -> r.tableName(aws.tableName()).item(Map.ofEntries(
                Map.entry("pk", s("WS#ws-lock")), Map.entry("sk", s("PLANCHANGE#chg_lock")), Map.entry("type", s("charge")),
                Map.entry("id", s("chg_lock")), Map.entry("workspaceId", s("ws-lock")), Map.entry("amount", AttributeValue.fromN("100")),
                Map.entry("currency", s("EUR")), Map.entry("fromTier", s("starter")), Map.entry("toTier", s("team")),
                Map.entry("createdAt", s(charged.toString())), Map.entry("createdBy", s("usr_lock_admin")),
                Map.entry("periodStart", s(charged.toString())), Map.entry("periodEnd", s(charged.plus(Duration.ofDays(30)).toString())),
                Map.entry("gsi1pk", s("CHARGES#UNRECORDED")), Map.entry("gsi1sk", s(SortableTime.of(charged) + "#chg_lock")))));
        DynamoDeletionRequests requests = new DynamoDeletionRequests(aws.dynamo(), aws.tableName(),
                new DynamoAuditLog(aws.tableName(), new TimeOrderedIds(clock, new SecureRandom())));
        DeletionRequest open = DeletionRequest.open("del_lock", "ws-lock", "SUP-3", "test", "support:s1", clock.instant());
        requests.open(open, audit(open));
        DeletionRequest confirmed = open.confirmedBy(admin.id(), clock.instant(), Duration.ofHours(72));
        assertThat(requests.replace(open, confirmed, audit(confirmed))).isTrue();

        clock.set(effectiveAt.plusSeconds(60));
        Map<String, Object> locked = schedule.fire();

        assertThat((List<?>) locked.get("applied")).isEmpty();
        assertThat(locked.get("failed")).isEqualTo(List.of("ws-lock"));
        assertThat(locked.get("chargesRecorded")).isEqualTo(0);
        assertThat(item("WS#ws-lock", "#WORKSPACE").get("tier").s()).isEqualTo("team");
        assertThat(item("WS#ws-lock", "CHARGE#chg_lock")).as("no charge written into it").isEmpty();

        assertThat(requests.replace(confirmed, confirmed.cancelledBy(admin.id(), clock.instant()), audit(confirmed))).isTrue();
        Map<String, Object> unlocked = schedule.fire();

        assertThat(unlocked.get("applied")).isEqualTo(List.of("ws-lock"));
        assertThat(unlocked.get("chargesRecorded")).isEqualTo(1);
        assertThat(item("WS#ws-lock", "CHARGE#chg_lock")).isNotEmpty();
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static Map<String, AttributeValue> item(String pk, String sk) {
        return aws.dynamo().getItem(r -> r.tableName(aws.tableName()).consistentRead(true)
                .key(Map.of("pk", s(pk), "sk", s(sk)))).item();
    }

    static AuditEvent audit(DeletionRequest request) {
        return new AuditEvent(request.workspaceId(), "support:s1", "workspace.deletion.test", "deletion-request",
                request.id(), clock.instant(), Map.of(), Map.of());
    }
}
