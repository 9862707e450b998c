package com.salesos.admin.functions.plans;

import static com.salesos.admin.emulator.LambdaApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesos.admin.aws.workspaces.DynamoSeatLedger;
import com.salesos.admin.emulator.LambdaApi;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.LocalAwsExtension;
import com.salesos.admin.testing.MovableClock;
import com.salesos.admin.emulator.OnMovableClock;
import com.salesos.admin.emulator.TestWorkspace;
import com.salesos.admin.users.User;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Plan changes through the real handler, with time moved by a clock the test owns. */
@ExtendWith(LocalAwsExtension.class)
class PlansThroughLambdaTest {

    static LocalAws aws;
    static MovableClock clock;
    static LambdaApi api;

    @BeforeAll
    static void setUp(LocalAws localAws, MovableClock movableClock, @OnMovableClock LambdaApi lambda) {
        aws = localAws;
        clock = movableClock;
        api = lambda;
    }

    /** A team-plan workspace with an admin and {@code extraUsers} more users; returns the admin. */
    static User workspace(String ws, int extraUsers) {
        return TestWorkspace.on(aws, ws).tier("team").seatLimit(10).admin().manager().members(extraUsers).build().admin();
    }

    @Test
    void an_upgrade_applies_now_raises_the_seat_limit_and_records_a_prorated_charge() {
        User admin = workspace("ws-up", 0);
        Instant periodStart = periodStart("ws-up");
        clock.set(periodStart.plus(Duration.ofDays(10)).plusSeconds(3_333));

        var upgraded = api.call("POST", "/v1/billing/plan-changes", json("tier", "business"), admin.subject());

        assertThat(upgraded.status()).as(upgraded.body()).isEqualTo(200);
        JsonNode charge = upgraded.json().path("charge");
        long total = Duration.between(periodStart, periodStart.atOffset(java.time.ZoneOffset.UTC).plusMonths(1).toInstant()).toSeconds();
        long left = total - Duration.ofDays(10).plusSeconds(3_333).toSeconds();
        long expected = BigDecimal.valueOf(39_900 - 9_900).multiply(BigDecimal.valueOf(left))
                .divide(BigDecimal.valueOf(total), 0, RoundingMode.HALF_UP).longValueExact();
        assertThat(charge.path("amount").path("amount").asLong()).isEqualTo(expected);
        assertThat(charge.path("amount").path("currency").asText()).isEqualTo("EUR");
        assertThat(charge.path("fromTier").asText()).isEqualTo("team");
        assertThat(charge.path("toTier").asText()).isEqualTo("business");
        assertThat(upgraded.json().path("subscription").path("tier").asText()).isEqualTo("business");
        assertThat(seatLimit("ws-up")).isEqualTo(50);
        var charges = api.call("GET", "/v1/billing/charges", null, admin.subject()).json().path("items");
        assertThat(charges).hasSize(1);
        assertThat(charges.get(0).path("id").asText()).isEqualTo(charge.path("id").asText());
        assertThat(charges.get(0).path("createdBy").asText()).isEqualTo(admin.id());
    }

    @Test
    void a_downgrade_waits_for_the_period_end_lowers_the_limit_at_once_and_can_be_cancelled_or_replaced() {
        User admin = workspace("ws-down", 1);
        clock.set(periodStart("ws-down").plus(Duration.ofDays(3)));

        var scheduled = api.call("POST", "/v1/billing/plan-changes", json("tier", "starter"), admin.subject());

        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(202);
        assertThat(scheduled.json().path("effectiveAt").asText()).isEqualTo(periodEnd("ws-down").toString());
        JsonNode subscription = api.call("GET", "/v1/billing/subscription", null, admin.subject()).json();
        assertThat(subscription.path("tier").asText()).isEqualTo("team");
        assertThat(subscription.path("pendingChange").path("tier").asText()).isEqualTo("starter");
        assertThat(seatLimit("ws-down")).isEqualTo(5);

        assertThat(api.call("DELETE", "/v1/billing/plan-changes/pending", null, admin.subject()).status()).isEqualTo(204);
        assertThat(seatLimit("ws-down")).isEqualTo(10);
        assertThat(api.call("GET", "/v1/billing/subscription", null, admin.subject()).json().path("pendingChange").isNull()).isTrue();
        assertThat(api.call("DELETE", "/v1/billing/plan-changes/pending", null, admin.subject()).status()).isEqualTo(404);

        api.call("POST", "/v1/billing/plan-changes", json("tier", "starter"), admin.subject());
        var upgrade = api.call("POST", "/v1/billing/plan-changes", json("tier", "business"), admin.subject());
        assertThat(upgrade.status()).isEqualTo(200);
        assertThat(upgrade.json().path("subscription").path("pendingChange").isNull()).isTrue();
        assertThat(seatLimit("ws-down")).isEqualTo(50);
    }

    @Test
    void a_seat_limit_support_granted_survives_a_cancelled_downgrade_and_an_upgrade_and_a_downgrade_never_raises_one() {
        // Team's catalogue limit is 10; support provisioned these with 30 and with 3.
        User generous = TestWorkspace.on(aws, "ws-granted").tier("team").seatLimit(30).admin().build().admin();
        User tight = TestWorkspace.on(aws, "ws-tight").tier("team").seatLimit(3).admin().build().admin();

        var preview = api.call("GET", "/v1/billing/plan-changes/preview?tier=starter", null, generous.subject());
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json().path("seatLimit").asLong()).isEqualTo(5);
        assertThat(api.call("POST", "/v1/billing/plan-changes", json("tier", "starter"), generous.subject()).status()).isEqualTo(202);
        assertThat(seatLimit("ws-granted")).isEqualTo(5);
        assertThat(api.call("DELETE", "/v1/billing/plan-changes/pending", null, generous.subject()).status()).isEqualTo(204);
        assertThat(seatLimit("ws-granted")).as("cancelling restores the granted limit, not the catalogue's").isEqualTo(30);
        assertThat(api.call("POST", "/v1/billing/plan-changes", json("tier", "business"), generous.subject()).status()).isEqualTo(200);
        assertThat(seatLimit("ws-granted")).as("an upgrade gives the new plan's 50").isEqualTo(50);

        assertThat(api.call("POST", "/v1/billing/plan-changes", json("tier", "starter"), tight.subject()).status()).isEqualTo(202);
        assertThat(seatLimit("ws-tight")).as("scheduling a downgrade never adds seats").isEqualTo(3);
        assertThat(api.call("DELETE", "/v1/billing/plan-changes/pending", null, tight.subject()).status()).isEqualTo(204);
        assertThat(seatLimit("ws-tight")).isEqualTo(3);
        assertThat(workspaceItem("ws-tight").get("planSeatLimit").n()).isEqualTo("3");
    }

    @Test
    void a_downgrade_below_the_seats_in_use_is_refused_with_the_number_to_free() {
        User admin = workspace("ws-full", 5);

        var refused = api.call("POST", "/v1/billing/plan-changes", json("tier", "starter"), admin.subject());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("type").asText()).endsWith("/seats-over-new-limit");
        assertThat(refused.json().path("seatsToFree").asInt()).isEqualTo(2);
        assertThat(seatLimit("ws-full")).isEqualTo(10);
        assertThat(api.call("GET", "/v1/billing/subscription", null, admin.subject()).json().path("pendingChange").isNull()).isTrue();
    }

    @Test
    void bad_input_and_missing_permission_change_nothing() {
        User admin = workspace("ws-bad", 0);
        User manager = new User("usr_ws-bad_mgr", "ws-bad", null, "Manager", "manager", null, null,
                subjectOf("ws-bad", "usr_ws-bad_mgr"), null);

        var unknown = api.call("POST", "/v1/billing/plan-changes", json("tier", "platinum"), admin.subject());
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().path("errors").get(0).path("field").asText()).isEqualTo("tier");
        assertThat(api.call("POST", "/v1/billing/plan-changes", json("tier", "team"), admin.subject()).status()).isEqualTo(409);
        assertThat(api.call("POST", "/v1/billing/plan-changes", "{\"tier\":", admin.subject()).status()).isEqualTo(422);
        assertThat(api.call("POST", "/v1/billing/plan-changes", json("tier", "business"), manager.subject()).status()).isEqualTo(403);
        assertThat(api.call("GET", "/v1/billing/subscription", null, admin.subject()).json().path("tier").asText()).isEqualTo("team");
        assertThat(api.call("GET", "/v1/billing/charges", null, admin.subject()).json().path("items")).isEmpty();
        assertThat(api.call("GET", "/v1/plans", null, manager.subject()).json().path("items")).hasSize(4);
    }

    private static Map<String, AttributeValue> workspaceItem(String ws) {
        return aws.dynamo().getItem(r -> r.tableName(aws.tableName()).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS("WS#" + ws), "sk", AttributeValue.fromS("#WORKSPACE")))).item();
    }

    private static Instant periodStart(String ws) {
        return Instant.parse(workspaceItem(ws).get("periodStart").s());
    }

    private static Instant periodEnd(String ws) {
        return Instant.parse(workspaceItem(ws).get("periodEnd").s());
    }

    private static long seatLimit(String ws) {
        return new DynamoSeatLedger(aws.dynamo(), aws.tableName()).read(ws).limit();
    }

    private static String subjectOf(String ws, String userId) {
        return aws.dynamo().getItem(r -> r.tableName(aws.tableName()).key(Map.of(
                "pk", AttributeValue.fromS("WS#" + ws), "sk", AttributeValue.fromS("USER#" + userId)))).item().get("subject").s();
    }
}
