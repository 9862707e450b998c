package com.salesos.admin.functions.points;

import static com.salesos.admin.emulator.LambdaApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.emulator.LambdaApi;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.LocalAwsExtension;
import com.salesos.admin.emulator.TestWorkspace;
import com.salesos.admin.users.User;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The gamification routes bind strictly (no 1.5 points saved as 1, no epoch number read as a
 * time) and a retried badge creation with the same Idempotency-Key creates one badge.
 */
@ExtendWith(LocalAwsExtension.class)
class StrictPointsInputThroughLambdaTest {

    static LocalAws aws;
    static LambdaApi api;
    static User admin;
    static com.salesos.admin.emulator.CrmAccount crm;

    @BeforeAll
    static void setUp(LocalAws localAws, LambdaApi lambda) {
        aws = localAws;
        TestWorkspace strict = TestWorkspace.on(aws, "ws-strict-points").name("Strict Points").tier("enterprise").seatLimit(10)
                .user("usr_admin", "admin@sp.test", "Admin", "admin")
                .crm()
                .build();
        admin = strict.user("usr_admin");
        crm = strict.crm();
        api = lambda;
    }

    @Test
    void fractional_points_are_refused_not_rounded() {
        var current = api.call("GET", "/v1/gamification/point-settings", null, admin.subject());
        var refused = api.call("PUT", "/v1/gamification/point-settings",
                "{\"pointsByActivityType\":{\"LEAD_CREATED\":1.5},\"valueBonusMultiplier\":1}", admin.subject(),
                Map.of("If-Match", current.header("ETag")));

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("pointsByActivityType.LEAD_CREATED");
        assertThat(api.call("GET", "/v1/gamification/point-settings", null, admin.subject()).header("ETag"))
                .isEqualTo(current.header("ETag"));
    }

    @Test
    void a_put_is_a_full_replacement_so_every_activity_type_left_out_is_named_and_nothing_is_saved() {
        var current = api.call("GET", "/v1/gamification/point-settings", null, admin.subject());
        String history = api.call("GET", "/v1/gamification/point-settings/history", null, admin.subject()).body();

        var refused = api.call("PUT", "/v1/gamification/point-settings",
                "{\"pointsByActivityType\":{\"LEAD_CREATED\":30},\"valueBonusMultiplier\":1}", admin.subject(),
                Map.of("If-Match", current.header("ETag")));

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder(
                "pointsByActivityType.DEAL_CREATED", "pointsByActivityType.DEAL_WON", "pointsByActivityType.CALL_LOGGED",
                "pointsByActivityType.MEETING_HELD", "pointsByActivityType.EMAIL_SENT");
        assertThat(refused.json().path("errors").findValuesAsText("message")).containsOnly("is required");
        assertThat(api.call("GET", "/v1/gamification/point-settings", null, admin.subject()).body()).isEqualTo(current.body());
        assertThat(api.call("GET", "/v1/gamification/point-settings/history", null, admin.subject()).body()).isEqualTo(history);

        var empty = api.call("PUT", "/v1/gamification/point-settings", "{\"valueBonusMultiplier\":1}", admin.subject(),
                Map.of("If-Match", current.header("ETag")));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.json().path("errors").findValuesAsText("field")).hasSize(java.util.List.of(
                com.salesos.admin.points.ActivityType.values()).size());
    }

    @Test
    void a_patch_changes_only_the_types_it_names_under_the_same_if_match_rules() {
        var current = api.call("GET", "/v1/gamification/point-settings", null, admin.subject());
        String patch = "{\"pointsByActivityType\":{\"LEAD_CREATED\":30}}";
        assertThat(api.call("PATCH", "/v1/gamification/point-settings", patch, admin.subject()).status()).isEqualTo(428);
        assertThat(api.call("PATCH", "/v1/gamification/point-settings", patch, admin.subject(),
                Map.of("If-Match", "\"999\"")).status()).isEqualTo(412);
        var unknown = api.call("PATCH", "/v1/gamification/point-settings", "{\"pointsByActivityType\":{\"NAPPING\":3}}",
                admin.subject(), Map.of("If-Match", current.header("ETag")));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(api.call("GET", "/v1/gamification/point-settings", null, admin.subject()).body()).isEqualTo(current.body());

        var patched = api.call("PATCH", "/v1/gamification/point-settings", patch, admin.subject(),
                Map.of("If-Match", current.header("ETag")));

        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        int version = current.json().path("version").asInt();
        assertThat(patched.header("ETag")).isEqualTo("\"" + (version + 1) + "\"");
        var points = patched.json().path("pointsByActivityType");
        assertThat(points.path("LEAD_CREATED").asInt()).isEqualTo(30);
        for (String kept : java.util.List.of("DEAL_CREATED", "DEAL_WON", "CALL_LOGGED", "MEETING_HELD", "EMAIL_SENT")) {
            assertThat(points.path(kept)).as(kept).isEqualTo(current.json().path("pointsByActivityType").path(kept));
        }
        assertThat(patched.json().path("valueBonusMultiplier")).isEqualTo(current.json().path("valueBonusMultiplier"));
    }

    @Test
    void a_number_with_a_huge_exponent_is_refused_before_anything_writes_it_out() {
        var current = api.call("GET", "/v1/gamification/point-settings", null, admin.subject());
        for (String multiplier : java.util.List.of("0e-999999999", "1e-999999999", "0e999999999", "1.5e-41")) {
            var refused = api.call("PATCH", "/v1/gamification/point-settings", "{\"valueBonusMultiplier\":" + multiplier + "}",
                    admin.subject(), Map.of("If-Match", current.header("ETag")));

            assertThat(refused.status()).as(multiplier + ": " + refused.body()).isEqualTo(422);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("valueBonusMultiplier");
        }
        assertThat(api.call("GET", "/v1/gamification/point-settings", null, admin.subject()).body()).isEqualTo(current.body());
    }

    @Test
    void a_retried_badge_creation_creates_one_badge() {
        String body = json("name", "Caller", "description", "Makes calls", "pointReward", 5, "criteria",
                Map.of("kind", "activityCount", "activityType", "CALL_LOGGED", "atLeast", 3, "narrative", "Log calls."));
        Map<String, String> key = Map.of("Idempotency-Key", "badge-1");

        var first = api.call("POST", "/v1/gamification/badges", body, admin.subject(), key);
        var retry = api.call("POST", "/v1/gamification/badges", body, admin.subject(), key);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        assertThat(retry.json().path("id").asText()).isEqualTo(first.json().path("id").asText());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(api.call("GET", "/v1/gamification/badges", null, admin.subject()).json().findValuesAsText("name")
                .stream().filter("Caller"::equals).count()).isEqualTo(1);
    }

    @Test
    void a_currency_without_an_amount_is_refused_not_stored() {
        var refused = api.callAs(crm, "POST", "/v1/gamification/activities", json("id", "cur-1", "userId", "usr_admin",
                "type", "DEAL_WON", "occurredAt", java.time.Instant.now().minusSeconds(5).toString(),
                "value", Map.of("currency", "X".repeat(1_000))));

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("value");
        assertThat(api.call("GET", "/v1/users/usr_admin/points", null, admin.subject()).json().path("items")).isEmpty();
    }

    @Test
    void a_reward_entry_cannot_be_taken_first_by_an_activity_of_the_same_id() {
        var squat = api.callAs(crm, "POST", "/v1/gamification/activities", json("id", "#badge#first-deal-won#usr_admin",
                "userId", "usr_admin", "type", "CALL_LOGGED", "occurredAt", java.time.Instant.now().minusSeconds(5).toString()));

        assertThat(squat.status()).as(squat.body()).isEqualTo(422);
        assertThat(squat.json().path("errors").get(0).path("field").asText()).isEqualTo("id");
    }

    @Test
    void badge_names_are_one_visible_line_and_custom_badges_are_capped() {
        String name = "Top\u202E\u200BCloser\nof the month";
        var created = api.call("POST", "/v1/gamification/badges", json("name", name, "description", "d", "pointReward", 0,
                "criteria", Map.of("kind", "activityCount", "activityType", "CALL_LOGGED", "atLeast", 500, "narrative", "n")),
                admin.subject());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("name").asText()).isEqualTo("TopCloser of the month");

        int existing = api.call("GET", "/v1/gamification/badges", null, admin.subject()).json().path("items").findValuesAsText("id")
                .stream().filter(id -> id.startsWith("badge_")).toList().size();
        for (int i = existing; i < com.salesos.admin.badges.BadgeService.MAX_CUSTOM_BADGES; i++) {
            assertThat(api.call("POST", "/v1/gamification/badges", json("name", "Filler " + i, "description", "d",
                    "pointReward", 0, "criteria", Map.of("kind", "activityCount", "activityType", "CALL_LOGGED",
                            "atLeast", 500, "narrative", "n")), admin.subject()).status()).isEqualTo(201);
        }
        var over = api.call("POST", "/v1/gamification/badges", json("name", "One too many", "description", "d",
                "pointReward", 0, "criteria", Map.of("kind", "activityCount", "activityType", "CALL_LOGGED",
                        "atLeast", 500, "narrative", "n")), admin.subject());
        assertThat(over.status()).as(over.body()).isEqualTo(409);
        assertThat(over.json().path("type").asText()).endsWith("/badge-limit");
    }
}
