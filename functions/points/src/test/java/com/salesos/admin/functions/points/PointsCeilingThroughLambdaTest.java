package com.salesos.admin.functions.points;

import static com.salesos.admin.emulator.LambdaApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.emulator.CrmAccount;
import com.salesos.admin.emulator.LambdaApi;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.LocalAwsExtension;
import com.salesos.admin.emulator.TestWorkspace;
import com.salesos.admin.points.PointLimits;
import com.salesos.admin.users.User;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A total driven to its ceiling (seeded in the table just under it): the booking that reaches the
 * ceiling exactly is taken, the one that would pass it answers 422 and writes nothing, and the
 * user's points can still be read.
 */
@ExtendWith(LocalAwsExtension.class)
class PointsCeilingThroughLambdaTest {

    static final String WS = "ws-ceiling";
    static LocalAws aws;
    static LambdaApi api;
    static User admin;
    static User manager;
    static CrmAccount crm;

    @BeforeAll
    static void setUp(LocalAws localAws, LambdaApi lambda) {
        aws = localAws;
        TestWorkspace ceiling = TestWorkspace.on(aws, WS).name("Ceiling Inc").tier("team").seatLimit(10)
                .user("usr_ceil_admin", "admin@ceiling.test", "Admin", "admin")
                .user("usr_ceil_mgr", "mgr@ceiling.test", "Manager", "manager")
                .user("usr_ceil_rep", "rep@ceiling.test", "Rep", "sales-rep")
                .crm()
                .build();
        admin = ceiling.user("usr_ceil_admin");
        manager = ceiling.user("usr_ceil_mgr");
        crm = ceiling.crm();
        api = lambda;
    }

    static LambdaApi.Response activity(String id, String type, Long value) {
        String body = value == null
                ? json("id", id, "userId", "usr_ceil_rep", "type", type, "occurredAt", Instant.now().minusSeconds(5).toString())
                : json("id", id, "userId", "usr_ceil_rep", "type", type, "occurredAt", Instant.now().minusSeconds(5).toString(),
                        "value", Map.of("amount", value, "currency", "EUR"));
        return api.callAs(crm, "POST", "/v1/gamification/activities", body);
    }

    static long total() {
        var points = api.call("GET", "/v1/users/usr_ceil_rep/points", null, admin.subject());
        assertThat(points.status()).as(points.body()).isEqualTo(200);
        return points.json().path("total").asLong();
    }

    static boolean booked(String activityId) {
        return aws.dynamo().getItem(r -> r.tableName(aws.tableName()).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS("WS#" + WS), "sk", AttributeValue.fromS("POINTS#" + activityId)))).hasItem();
    }

    @Test
    void a_total_reaches_its_ceiling_exactly_and_no_booking_ever_passes_it() {
        // A user 100 points under the ceiling, as if years of activities had brought them there.
        aws.dynamo().putItem(r -> r.tableName(aws.tableName()).item(Map.of(
                "pk", AttributeValue.fromS("WS#" + WS), "sk", AttributeValue.fromS("USERPOINTS#usr_ceil_rep"),
                "total", AttributeValue.fromN(Long.toString(PointLimits.MAX_TOTAL - 100)))));

        // 50 base + 25 bonus, and the "First deal won" reward of 25: exactly the ceiling.
        var won = activity("act-to-the-edge", "DEAL_WON", 2_500_000L);
        assertThat(won.status()).as(won.body()).isEqualTo(201);
        assertThat(won.json().path("userTotal").asLong()).isEqualTo(PointLimits.MAX_TOTAL);

        var over = activity("act-over-the-edge", "CALL_LOGGED", null);
        assertThat(over.status()).as(over.body()).isEqualTo(422);
        assertThat(over.json().path("type").asText()).endsWith("points-total-ceiling");
        assertThat(booked("act-over-the-edge")).isFalse();
        assertThat(total()).isEqualTo(PointLimits.MAX_TOTAL);

        // Reads and replays still work at the ceiling.
        var replay = activity("act-to-the-edge", "DEAL_WON", 2_500_000L);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(api.call("GET", "/v1/gamification/awards?userId=usr_ceil_rep", null, admin.subject()).status()).isEqualTo(200);
    }

    @Test
    void an_activity_value_above_the_bound_is_refused_before_anything_is_scored() {
        var huge = activity("act-huge", "DEAL_WON", PointLimits.MAX_VALUE_MINOR_UNITS + 1);
        assertThat(huge.status()).as(huge.body()).isEqualTo(422);
        assertThat(huge.json().path("errors").get(0).path("field").asText()).isEqualTo("value");
        assertThat(booked("act-huge")).isFalse();
        var maxLong = activity("act-max-long", "DEAL_WON", Long.MAX_VALUE);
        assertThat(maxLong.status()).isEqualTo(422);
        assertThat(booked("act-max-long")).isFalse();
    }
}
