package com.salesos.admin.functions.points;

import static com.salesos.admin.emulator.LambdaApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesos.admin.emulator.CrmAccount;
import com.salesos.admin.emulator.LambdaApi;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.LocalAwsExtension;
import com.salesos.admin.testing.MovableClock;
import com.salesos.admin.emulator.OnMovableClock;
import com.salesos.admin.emulator.TestWorkspace;
import com.salesos.admin.users.User;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** Versioned point settings and activity scoring through the real handler; time moved by the test. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(LocalAwsExtension.class)
class PointsThroughLambdaTest {

    static final String WS = "ws-points";
    static final Instant T0 = Instant.parse("2026-06-01T09:00:00Z");
    static LocalAws aws;
    static MovableClock clock;
    static LambdaApi api;
    static User admin;
    static User manager;
    static User rep;
    static CrmAccount crm;

    @BeforeAll
    static void setUp(LocalAws localAws, MovableClock movableClock, @OnMovableClock LambdaApi lambda) {
        aws = localAws;
        TestWorkspace points = TestWorkspace.on(aws, WS).name("Points Inc").tier("team").seatLimit(10)
                .user("usr_admin", "admin@points.test", "Admin", "admin")
                .user("usr_mgr", "mgr@points.test", "Manager", "manager")
                .user("usr_rep", "rep@points.test", "Rep", "sales-rep")
                .crm()
                .build();
        admin = points.user("usr_admin");
        manager = points.user("usr_mgr");
        rep = points.user("usr_rep");
        crm = points.crm();
        clock = movableClock;
        clock.set(T0);
        api = lambda;
    }

    static String settings(int dealWon, String multiplier) {
        return "{\"pointsByActivityType\":{\"LEAD_CREATED\":5,\"DEAL_CREATED\":10,\"DEAL_WON\":" + dealWon
                + ",\"CALL_LOGGED\":2,\"MEETING_HELD\":5,\"EMAIL_SENT\":1},\"valueBonusMultiplier\":" + multiplier + "}";
    }

    static LambdaApi.Response activity(String id, String type, Instant occurredAt, Long value) {
        String body = value == null
                ? json("id", id, "userId", "usr_rep", "type", type, "occurredAt", occurredAt.toString())
                : json("id", id, "userId", "usr_rep", "type", type, "occurredAt", occurredAt.toString(),
                        "value", Map.of("amount", value, "currency", "EUR"));
        return api.callAs(crm, "POST", "/v1/gamification/activities", body);
    }

    @Test
    @Order(1)
    void settings_start_at_version_0_and_every_put_needs_the_current_version_in_if_match() {
        var initial = api.call("GET", "/v1/gamification/point-settings", null, rep.subject());
        assertThat(initial.status()).isEqualTo(200);
        assertThat(initial.header("ETag")).isEqualTo("\"0\"");
        assertThat(initial.json().path("pointsByActivityType").path("DEAL_WON").asInt()).isEqualTo(50);

        assertThat(api.call("PUT", "/v1/gamification/point-settings", settings(100, "2"), admin.subject()).status()).isEqualTo(428);

        clock.set(T0.plus(Duration.ofHours(1)));
        var saved = api.call("PUT", "/v1/gamification/point-settings", settings(100, "2"), admin.subject(), Map.of("If-Match", "\"0\""));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.header("ETag")).isEqualTo("\"1\"");
        assertThat(saved.json().path("effectiveFrom").asText()).isEqualTo(T0.plus(Duration.ofHours(1)).toString());

        var stale = api.call("PUT", "/v1/gamification/point-settings", settings(7, "1"), admin.subject(), Map.of("If-Match", "\"0\""));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().path("currentVersion").asInt()).isEqualTo(1);

        var history = api.call("GET", "/v1/gamification/point-settings/history", null, admin.subject()).json().path("items");
        assertThat(history).hasSize(2);
        assertThat(history.get(1).path("pointsByActivityType").path("DEAL_WON").asInt()).isEqualTo(100);
    }

    @Test
    @Order(2)
    void invalid_settings_are_refused_field_by_field_and_nothing_is_saved() {
        var invalid = api.call("PUT", "/v1/gamification/point-settings",
                "{\"pointsByActivityType\":{\"DEAL_WON\":-1,\"TELEPATHY\":3},\"valueBonusMultiplier\":1.234}",
                admin.subject(), Map.of("If-Match", "\"1\""));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().path("errors").findValuesAsText("field"))
                .contains("pointsByActivityType.DEAL_WON", "pointsByActivityType.TELEPATHY", "valueBonusMultiplier");
        assertThat(api.call("PUT", "/v1/gamification/point-settings", settings(100, "2"), manager.subject(),
                Map.of("If-Match", "\"1\"")).status()).isEqualTo(200);
        assertThat(api.call("PUT", "/v1/gamification/point-settings", settings(100, "2"), rep.subject(),
                Map.of("If-Match", "\"2\"")).status()).isEqualTo(403);
        assertThat(api.call("GET", "/v1/gamification/point-settings", null, admin.subject()).header("ETag")).isEqualTo("\"2\"");
    }

    @Test
    @Order(3)
    void an_activity_is_scored_with_the_version_in_force_when_it_happened_and_once_per_id() {
        clock.set(T0.plus(Duration.ofHours(3)));
        var late = activity("act-before-change", "DEAL_WON", T0.plus(Duration.ofMinutes(30)), 2_500_000L);
        assertThat(late.status()).as(late.body()).isEqualTo(201);
        assertThat(late.json().path("points").path("settingsVersion").asInt()).isZero();
        assertThat(late.json().path("points").path("base").asLong()).isEqualTo(50);
        assertThat(late.json().path("points").path("bonus").asLong()).isEqualTo(25);

        var current = activity("act-after-change", "DEAL_WON", T0.plus(Duration.ofHours(2)), 2_500_000L);
        assertThat(current.json().path("points").path("settingsVersion").asInt()).isEqualTo(2);
        assertThat(current.json().path("points").path("base").asLong()).isEqualTo(100);
        assertThat(current.json().path("points").path("bonus").asLong()).isEqualTo(50);
        // 75 for the first won deal, 25 for the "First deal won" badge it earned, 150 for this one.
        assertThat(late.json().path("badgesAwarded").toString()).contains("first-deal-won");
        assertThat(current.json().path("userTotal").asLong()).isEqualTo(75 + 25 + 150);
        assertThat(current.json().path("badgesAwarded")).isEmpty();

        var again = activity("act-after-change", "DEAL_WON", T0.plus(Duration.ofHours(2)), 2_500_000L);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().path("userTotal").asLong()).isEqualTo(250);
    }

    @Test
    @Order(4)
    void changing_the_settings_never_recalculates_existing_points() {
        JsonNode before = api.call("GET", "/v1/users/usr_rep/points", null, admin.subject()).json();
        clock.set(T0.plus(Duration.ofHours(4)));
        assertThat(api.call("PUT", "/v1/gamification/point-settings", settings(1, "0"), admin.subject(),
                Map.of("If-Match", "\"2\"")).status()).isEqualTo(200);

        JsonNode after = api.call("GET", "/v1/users/usr_rep/points", null, admin.subject()).json();
        assertThat(after.path("total").asLong()).isEqualTo(before.path("total").asLong()).isEqualTo(250);
        assertThat(after.path("items").toString()).isEqualTo(before.path("items").toString());
        var newer = activity("act-after-second-change", "DEAL_WON", T0.plus(Duration.ofHours(4)).plusSeconds(1), 2_500_000L);
        assertThat(newer.json().path("points").path("total").asLong()).isEqualTo(1);
    }

    @Test
    @Order(5)
    void bad_activities_and_unknown_users_change_nothing() {
        long total = api.call("GET", "/v1/users/usr_rep/points", null, admin.subject()).json().path("total").asLong();
        var unknownType = api.callAs(crm, "POST", "/v1/gamification/activities", json("id", "x1", "userId", "usr_rep", "type", "NAP_TAKEN", "occurredAt", T0.toString()));
        assertThat(unknownType.status()).isEqualTo(422);
        var unknownUser = api.callAs(crm, "POST", "/v1/gamification/activities", json("id", "x2", "userId", "usr_ghost", "type", "CALL_LOGGED", "occurredAt", T0.toString()));
        assertThat(unknownUser.status()).isEqualTo(422);
        assertThat(api.callAs(crm, "POST", "/v1/gamification/activities", "{\"id\":").status()).isEqualTo(422);
        assertThat(api.call("GET", "/v1/users/usr_ghost/points", null, admin.subject()).status()).isEqualTo(404);
        assertThat(api.call("GET", "/v1/users/usr_rep/points", null, admin.subject()).json().path("total").asLong()).isEqualTo(total);
    }

    @Test
    @Order(6)
    void only_the_crm_identity_posts_activities_and_it_may_use_no_other_route() {
        clock.set(T0.plus(Duration.ofHours(5)));
        String body = json("id", "self-declared", "userId", "usr_mgr", "type", "DEAL_WON",
                "occurredAt", T0.plus(Duration.ofHours(5)).toString(), "value", Map.of("amount", 100_000_000_000L, "currency", "EUR"));
        for (User person : java.util.List.of(admin, manager, rep)) {
            var refused = api.call("POST", "/v1/gamification/activities", body, person.subject());
            assertThat(refused.status()).as(person.id()).isEqualTo(403);
            assertThat(refused.json().path("type").asText()).endsWith("crm-identity-required");
        }
        assertThat(api.call("GET", "/v1/users/usr_mgr/points", null, admin.subject()).json().path("total").asLong()).isZero();

        // A token of the crm group whose subject is registered for no workspace is refused too.
        var stranger = api.callAs(new CrmAccount(WS, "sub-not-registered", "x@crm.test", "unused"), "POST", "/v1/gamification/activities", body);
        assertThat(stranger.status()).isEqualTo(403);

        for (String[] route : new String[][] {{"GET", "/v1/gamification/point-settings"}, {"GET", "/v1/users/usr_rep/points"},
                {"GET", "/v1/gamification/badges"}, {"GET", "/v1/gamification/awards"}}) {
            assertThat(api.callAs(crm, route[0], route[1], null).status()).as("%s %s", route[0], route[1]).isEqualTo(403);
        }
        assertThat(api.callAs(crm, "PUT", "/v1/gamification/point-settings", settings(10_000, "100"), Map.of("If-Match", "\"3\"")).status()).isEqualTo(403);
    }
}
