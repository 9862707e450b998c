package com.salesos.admin.functions.points;

import static com.salesos.admin.emulator.LambdaApi.json;
import static com.salesos.admin.emulator.TestWorkspace.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesos.admin.emulator.CrmAccount;
import com.salesos.admin.emulator.LambdaApi;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.LocalAwsExtension;
import com.salesos.admin.emulator.TestWorkspace;
import com.salesos.admin.users.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Default and custom badges, awarded once per user with their reward, through the real handler. */
@ExtendWith(LocalAwsExtension.class)
class BadgesThroughLambdaTest {

    static LocalAws aws;
    static LambdaApi api;
    static User teamAdmin;
    static User entAdmin;
    static CrmAccount entCrm;

    @BeforeAll
    static void setUp(LocalAws localAws, LambdaApi lambda) {
        aws = localAws;
        teamAdmin = TestWorkspace.on(aws, "ws-team").name("Team Co").tier("team").seatLimit(10)
                .user("usr_t_admin", "admin@team.test", "Admin", "admin")
                .build().user("usr_t_admin");
        TestWorkspace.Builder ent = TestWorkspace.on(aws, "ws-ent").name("Ent Co").tier("enterprise").seatLimit(250)
                .user("usr_e_admin", "admin@ent.test", "Admin", "admin");
        for (int i = 0; i < 3; i++) {
            ent.user("usr_e_rep" + i, "rep" + i + "@ent.test", "Rep " + i, "sales-rep");
        }
        TestWorkspace entWorkspace = ent.crm().build();
        entAdmin = entWorkspace.user("usr_e_admin");
        entCrm = entWorkspace.crm();
        api = lambda;
    }

    static String callsBadge(String name, long atLeast, long reward) {
        return json("name", name, "description", "Makes calls", "pointReward", reward,
                "criteria", Map.of("kind", "activityCount", "activityType", "CALL_LOGGED", "atLeast", atLeast, "narrative", "Log calls."));
    }

    static LambdaApi.Response call(String activityId, String userId) {
        return call(activityId, userId, entCrm);
    }

    /** The CRM posts a logged call. */
    static LambdaApi.Response call(String activityId, String userId, CrmAccount crm) {
        return api.callAs(crm, "POST", "/v1/gamification/activities", json("id", activityId, "userId", userId, "type", "CALL_LOGGED",
                "occurredAt", Instant.now().minusSeconds(60).toString()));
    }

    @Test
    void every_workspace_has_the_default_badges_and_custom_ones_need_a_plan_with_custom_badges() {
        JsonNode badges = api.call("GET", "/v1/gamification/badges", null, teamAdmin.subject()).json().path("items");
        assertThat(badges.findValuesAsText("id")).containsExactly("first-deal-won", "ten-deals-won", "thousand-points");

        var refused = api.call("POST", "/v1/gamification/badges", callsBadge("Caller", 3, 10), teamAdmin.subject());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("type").asText()).endsWith("/plan-feature-missing");
        assertThat(api.call("GET", "/v1/gamification/badges", null, teamAdmin.subject()).json().path("items")).hasSize(3);
        assertThat(api.call("PATCH", "/v1/gamification/badges/first-deal-won", json("pointReward", 1), entAdmin.subject()).status()).isEqualTo(409);
        assertThat(api.call("GET", "/v1/gamification/badges/badge_nope", null, entAdmin.subject()).status()).isEqualTo(404);
    }

    @Test
    void a_custom_badge_is_awarded_once_when_its_criterion_is_first_met_with_its_reward() {
        var created = api.call("POST", "/v1/gamification/badges", callsBadge("Dialler", 3, 10), entAdmin.subject());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String badgeId = created.json().path("id").asText();

        assertThat(call("c-0-1", "usr_e_rep0").json().path("badgesAwarded")).isEmpty();
        call("c-0-2", "usr_e_rep0");
        var third = call("c-0-3", "usr_e_rep0");
        assertThat(third.json().path("badgesAwarded").toString()).contains(badgeId);
        assertThat(third.json().path("userTotal").asLong()).isEqualTo(3 * 2 + 10);
        var fourth = call("c-0-4", "usr_e_rep0");
        assertThat(fourth.json().path("badgesAwarded")).isEmpty();

        JsonNode awards = api.call("GET", "/v1/gamification/awards?userId=usr_e_rep0", null, entAdmin.subject()).json().path("items");
        assertThat(awards.findValuesAsText("badgeId")).containsExactly(badgeId);
        JsonNode ledger = api.call("GET", "/v1/users/usr_e_rep0/points", null, entAdmin.subject()).json();
        assertThat(ledger.path("items").findValuesAsText("badgeId")).contains(badgeId);
        assertThat(ledger.path("total").asLong()).isEqualTo(4 * 2 + 10);
    }

    @Test
    void a_deleted_custom_badge_is_gone_from_the_catalogue_and_is_not_found_again() {
        var created = api.call("POST", "/v1/gamification/badges", callsBadge("Short-lived", 50, 5), entAdmin.subject());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String badgeId = created.json().path("id").asText();

        var deleted = api.call("DELETE", "/v1/gamification/badges/" + badgeId, null, entAdmin.subject());
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);

        assertThat(api.call("GET", "/v1/gamification/badges/" + badgeId, null, entAdmin.subject()).status()).isEqualTo(404);
        assertThat(api.call("GET", "/v1/gamification/badges", null, entAdmin.subject()).json().path("items")
                .findValuesAsText("id")).doesNotContain(badgeId);
        assertThat(api.call("DELETE", "/v1/gamification/badges/" + badgeId, null, entAdmin.subject()).status()).isEqualTo(404);
    }

    @Test
    void concurrent_activities_crossing_the_threshold_award_the_badge_once() throws Exception {
        aws.workspaces().createWorkspace("ws-race", "Race Co", "enterprise", 10);
        User admin = aws.workspaces().addUser("ws-race", "usr_r_admin", "admin@race.test", "Admin", "admin", null, PASSWORD);
        aws.workspaces().addUser("ws-race", "usr_r_rep", "rep@race.test", "Rep", "sales-rep", null, PASSWORD);
        CrmAccount crm = aws.openCrmAccount("ws-race");
        String badgeId = api.call("POST", "/v1/gamification/badges", callsBadge("Rapid dialler", 2, 7), admin.subject())
                .json().path("id").asText();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<LambdaApi.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String id = "race-" + i;
            calls.add(pool.submit(() -> {
                go.await();
                return call(id, "usr_r_rep", crm);
            }));
        }
        go.countDown();
        for (Future<LambdaApi.Response> future : calls) {
            assertThat(future.get().status()).isEqualTo(201);
        }
        pool.shutdown();

        JsonNode awards = api.call("GET", "/v1/gamification/awards?userId=usr_r_rep", null, admin.subject()).json().path("items");
        assertThat(awards.findValuesAsText("badgeId").stream().filter(badgeId::equals)).hasSize(1);
        long rewards = 0;
        for (JsonNode entry : api.call("GET", "/v1/users/usr_r_rep/points?limit=200", null, admin.subject()).json().path("items")) {
            rewards += badgeId.equals(entry.path("badgeId").asText()) ? 1 : 0;
        }
        assertThat(rewards).isEqualTo(1);
        assertThat(api.call("GET", "/v1/users/usr_r_rep/points", null, admin.subject()).json().path("total").asLong())
                .isEqualTo(6 * 2 + 7);
    }

    @Test
    void after_a_downgrade_from_enterprise_custom_badges_stay_visible_but_are_no_longer_awarded() {
        aws.workspaces().createWorkspace("ws-was-ent", "Was Ent", "enterprise", 50);
        User admin = aws.workspaces().addUser("ws-was-ent", "usr_w_admin", "admin@was.test", "Admin", "admin", null, PASSWORD);
        String badgeId = api.call("POST", "/v1/gamification/badges", callsBadge("One call", 1, 5), admin.subject())
                .json().path("id").asText();
        aws.dynamo().updateItem(r -> r.tableName(aws.tableName())
                .key(Map.of("pk", AttributeValue.fromS("WS#ws-was-ent"), "sk", AttributeValue.fromS("#WORKSPACE")))
                .updateExpression("SET tier = :t").expressionAttributeValues(Map.of(":t", AttributeValue.fromS("team"))));

        var scored = call("w-1", "usr_w_admin", aws.openCrmAccount("ws-was-ent"));

        assertThat(scored.json().path("badgesAwarded")).isEmpty();
        assertThat(api.call("GET", "/v1/gamification/badges", null, admin.subject()).body()).contains(badgeId);
        assertThat(api.call("PATCH", "/v1/gamification/badges/" + badgeId, json("pointReward", 9), admin.subject()).status()).isEqualTo(403);
    }

    @Test
    void badge_definitions_with_unknown_criteria_are_refused_and_nothing_is_stored() {
        var unknownKind = api.call("POST", "/v1/gamification/badges", json("name", "Odd", "criteria",
                Map.of("kind", "moonPhase", "atLeast", 1, "narrative", "Wait.")), entAdmin.subject());
        assertThat(unknownKind.status()).isEqualTo(422);
        assertThat(unknownKind.json().path("errors").findValuesAsText("field")).contains("criteria.kind");
        var unknownType = api.call("POST", "/v1/gamification/badges", json("name", "Odd", "criteria",
                Map.of("kind", "activityCount", "activityType", "NAP_TAKEN", "atLeast", 1, "narrative", "Nap.")), entAdmin.subject());
        assertThat(unknownType.status()).isEqualTo(422);
        assertThat(api.call("GET", "/v1/gamification/badges", null, entAdmin.subject()).body()).doesNotContain("\"Odd\"");
    }
}
