package com.salesos.admin.functions.users;

import static com.salesos.admin.emulator.LambdaApi.json;
import static com.salesos.admin.emulator.TestWorkspace.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesos.admin.aws.workspaces.DynamoSeatLedger;
import com.salesos.admin.emulator.LambdaApi;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.LocalAwsExtension;
import com.salesos.admin.emulator.TestWorkspace;
import com.salesos.admin.seats.Seats;
import com.salesos.admin.users.User;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/** The users routes through the real Lambda handler against the emulated account. */
@ExtendWith(LocalAwsExtension.class)
class UsersThroughLambdaTest {

    static final String WS = "ws-users";
    static LocalAws aws;
    static LambdaApi api;
    static User admin;
    static User manager;
    static User rep;

    @BeforeAll
    static void setUp(LocalAws localAws, LambdaApi lambda) {
        aws = localAws;
        TestWorkspace users = TestWorkspace.on(aws, WS).name("Users Inc").tier("team").seatLimit(6)
                .team("team-east", "East")
                .user("usr_admin", "admin@users.test", "Ada Admin", "admin")
                .user("usr_manager", "manager@users.test", "Max Manager", "manager", "team-east")
                .user("usr_rep", "rep@users.test", "Remy Rep", "sales-rep", "team-east")
                .build();
        admin = users.user("usr_admin");
        manager = users.user("usr_manager");
        rep = users.user("usr_rep");
        api = lambda;
    }

    @Test
    void a_role_change_takes_effect_on_the_very_next_request_of_that_user() {
        User promoted = aws.workspaces().addUser(WS, "usr_promoted", "promoted@users.test", "Pro Moted", "manager", null, PASSWORD);
        assertThat(api.call("GET", "/v1/users", null, promoted.subject()).status()).isEqualTo(403);

        var promote = api.call("PATCH", "/v1/users/usr_promoted", json("role", "Admin"), admin.subject());
        assertThat(promote.status()).as(promote.body()).isEqualTo(200);
        assertThat(api.call("GET", "/v1/users", null, promoted.subject()).status()).isEqualTo(200);

        assertThat(api.call("PATCH", "/v1/users/usr_promoted", json("role", "manager"), admin.subject()).status()).isEqualTo(200);
        assertThat(api.call("GET", "/v1/users", null, promoted.subject()).status()).isEqualTo(403);
        api.call("POST", "/v1/users/usr_promoted/deactivate", null, admin.subject());
    }

    @Test
    void me_shows_the_caller_role_permissions_and_workspace_for_any_active_user() {
        var me = api.call("GET", "/v1/me", null, rep.subject());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("role").path("id").asText()).isEqualTo("sales-rep");
        assertThat(me.json().path("permissions").isArray()).as("permissions is always an array").isTrue();
        assertThat(me.json().path("permissions")).isEmpty();
        assertThat(me.json().path("workspace").path("name").asText()).isEqualTo("Users Inc");
        var adminMe = api.call("GET", "/v1/me", null, admin.subject()).json();
        assertThat(adminMe.has("teamId")).as("teamId is present, null when in no team").isTrue();
        assertThat(adminMe.path("teamId").isNull()).isTrue();
        assertThat(adminMe.path("permissions").toString()).contains("users.manage", "billing.manage", "audit.read");
    }

    @Test
    void the_last_active_admin_can_be_neither_demoted_nor_deactivated() {
        var demote = api.call("PATCH", "/v1/users/usr_admin", json("role", "manager"), admin.subject());
        assertThat(demote.status()).isEqualTo(409);
        assertThat(demote.json().path("type").asText()).endsWith("/last-admin");
        var deactivate = api.call("POST", "/v1/users/usr_admin/deactivate", null, admin.subject());
        assertThat(deactivate.status()).isEqualTo(409);
        assertThat(api.call("GET", "/v1/users/usr_admin", null, admin.subject()).json().path("role").path("id").asText())
                .isEqualTo("admin");
    }

    @Test
    void deactivation_blocks_sign_in_and_api_frees_one_seat_keeps_records_and_is_idempotent() {
        User leaver = aws.workspaces().addUser(WS, "usr_leaver", "leaver@users.test", "Lee Ver", "sales-rep", null, PASSWORD);
        aws.workspaces().addRecord(WS, "deal", "deal-leaver-1", "usr_leaver", Map.of("name", "Kept deal"));
        Seats before = seats();
        String token = aws.signIn().accessToken("leaver@users.test", PASSWORD);
        assertThat(token).isNotBlank();
        assertThat(api.call("GET", "/v1/me", null, leaver.subject()).status()).isEqualTo(200);

        var first = api.call("POST", "/v1/users/usr_leaver/deactivate", null, admin.subject());
        var second = api.call("POST", "/v1/users/usr_leaver/deactivate", null, admin.subject());

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("status").asText()).isEqualTo("deactivated");
        assertThat(second.status()).isEqualTo(200);
        assertThat(seats().active()).isEqualTo(before.active() - 1);
        assertThat(api.call("GET", "/v1/me", null, leaver.subject()).status()).isEqualTo(403);
        assertThat(cognitoEnabled("leaver@users.test")).isFalse();
        assertThat(api.call("GET", "/v1/users/usr_leaver", null, admin.subject()).json().path("status").asText()).isEqualTo("deactivated");
        assertThat(dealOwner("deal-leaver-1")).isEqualTo("usr_leaver");

        var back = api.call("POST", "/v1/users/usr_leaver/reactivate", null, admin.subject());
        assertThat(back.status()).isEqualTo(200);
        assertThat(seats().active()).isEqualTo(before.active());
        assertThat(cognitoEnabled("leaver@users.test")).isTrue();
        assertThat(api.call("GET", "/v1/me", null, leaver.subject()).status()).isEqualTo(200);
        assertThat(api.call("POST", "/v1/users/usr_leaver/reactivate", null, admin.subject()).status()).isEqualTo(200);
        assertThat(seats().active()).isEqualTo(before.active());
        api.call("POST", "/v1/users/usr_leaver/deactivate", null, admin.subject());
    }

    @Test
    void reactivation_needs_a_free_seat() {
        User sleeper = aws.workspaces().addUser(WS, "usr_sleeper", "sleeper@users.test", "Slee Per", "sales-rep", null, PASSWORD);
        api.call("POST", "/v1/users/usr_sleeper/deactivate", null, admin.subject());
        int fillers = 0;
        while (seats().available() > 0) {
            aws.workspaces().addUser(WS, "usr_filler" + fillers, "filler" + fillers + "@users.test", "F", "sales-rep", null, PASSWORD);
            fillers++;
        }
        var refused = api.call("POST", "/v1/users/usr_sleeper/reactivate", null, admin.subject());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("type").asText()).endsWith("/seats-exhausted");
        assertThat(api.call("GET", "/v1/users/usr_sleeper", null, admin.subject()).json().path("status").asText()).isEqualTo("deactivated");
        assertThat(sleeper.id()).isEqualTo("usr_sleeper");
        for (int i = 0; i < fillers; i++) {
            api.call("POST", "/v1/users/usr_filler" + i + "/deactivate", null, admin.subject());
        }
    }

    @Test
    void seats_are_always_consistent_with_a_recount() {
        JsonNode seats = api.call("GET", "/v1/seats", null, admin.subject()).json();
        long active = api.call("GET", "/v1/users?status=active&limit=200", null, admin.subject()).json().path("items").size();
        assertThat(seats.path("active").asLong()).isEqualTo(active);
        assertThat(seats.path("used").asLong()).isEqualTo(seats.path("active").asLong() + seats.path("pending").asLong());
        assertThat(seats.path("available").asLong()).isEqualTo(seats.path("limit").asLong() - seats.path("used").asLong());
    }

    @Test
    void custom_roles_can_be_created_renamed_changed_and_deleted_only_when_nobody_holds_them() {
        var created = api.call("POST", "/v1/roles", json("name", "Team Lead", "permissions", List.of("gamification.manage", "data.export")), admin.subject());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String roleId = created.json().path("id").asText();
        assertThat(api.call("POST", "/v1/roles", json("name", "team lead", "permissions", List.of("data.export")), admin.subject()).status()).isEqualTo(409);
        var badPermission = api.call("POST", "/v1/roles", json("name", "Wizard", "permissions", List.of("magic.cast")), admin.subject());
        assertThat(badPermission.status()).isEqualTo(422);
        assertThat(badPermission.json().path("errors").get(0).path("field").asText()).isEqualTo("permissions");
        assertThat(api.call("PATCH", "/v1/roles/admin", json("name", "Boss"), admin.subject()).status()).isEqualTo(409);

        var renamed = api.call("PATCH", "/v1/roles/" + roleId, json("name", "Squad Lead", "permissions", List.of("users.manage")), admin.subject());
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().path("permissions").toString()).contains("users.manage").doesNotContain("data.export");

        User lead = aws.workspaces().addUser(WS, "usr_lead", "lead@users.test", "Lea D", "sales-rep", null, PASSWORD);
        assertThat(api.call("PATCH", "/v1/users/usr_lead", json("role", "Squad Lead"), admin.subject()).status()).isEqualTo(200);
        assertThat(api.call("GET", "/v1/users", null, lead.subject()).status()).isEqualTo(200);

        var inUse = api.call("DELETE", "/v1/roles/" + roleId, null, admin.subject());
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.json().path("type").asText()).endsWith("/role-in-use");

        assertThat(api.call("PATCH", "/v1/users/usr_lead", json("role", "sales-rep"), admin.subject()).status()).isEqualTo(200);
        assertThat(api.call("DELETE", "/v1/roles/" + roleId, null, admin.subject()).status()).isEqualTo(204);
        assertThat(api.call("GET", "/v1/roles", null, admin.subject()).body()).doesNotContain(roleId);
        api.call("POST", "/v1/users/usr_lead/deactivate", null, admin.subject());
    }

    @Test
    void bad_input_is_problem_json_and_changes_nothing() {
        assertThat(api.call("GET", "/v1/users/usr_nobody", null, admin.subject()).status()).isEqualTo(404);
        // Saving the role the user already has is not bad input (AdminFormsThroughLambdaTest): 200, no change.
        assertThat(api.call("PATCH", "/v1/users/usr_rep", json("role", "Sales Rep"), admin.subject()).status()).isEqualTo(200);
        var unknownRole = api.call("PATCH", "/v1/users/usr_rep", json("role", "Overlord"), admin.subject());
        assertThat(unknownRole.status()).isEqualTo(422);
        var unknownTeam = api.call("PATCH", "/v1/users/usr_rep", json("teamId", "team-nowhere"), admin.subject());
        assertThat(unknownTeam.status()).isEqualTo(422);
        assertThat(api.call("PATCH", "/v1/users/usr_rep", "{\"role\": ", admin.subject()).status()).isEqualTo(422);
        assertThat(api.call("GET", "/v1/users?status=sleeping", null, admin.subject()).status()).isEqualTo(422);
        var unchanged = api.call("GET", "/v1/users/usr_rep", null, admin.subject()).json();
        assertThat(unchanged.path("role").path("id").asText()).isEqualTo("sales-rep");
        assertThat(unchanged.path("teamId").asText()).isEqualTo("team-east");
        assertThat(api.call("GET", "/v1/users", null, rep.subject()).status()).isEqualTo(403);
    }

    @Test
    void the_audit_log_lists_admin_changes_newest_first_with_pages() {
        api.call("PATCH", "/v1/users/usr_manager", json("teamId", ""), admin.subject());
        api.call("PATCH", "/v1/users/usr_manager", json("teamId", "team-east"), admin.subject());
        var page = api.call("GET", "/v1/audit-log?limit=2", null, admin.subject());
        assertThat(page.status()).isEqualTo(200);
        JsonNode items = page.json().path("items");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).path("action").asText()).isEqualTo("user.changed");
        assertThat(items.get(0).path("after").path("teamId").asText()).isEqualTo("team-east");
        assertThat(items.get(1).path("before").path("teamId").asText()).isEqualTo("team-east");
        assertThat(items.get(0).path("at").asText()).isGreaterThanOrEqualTo(items.get(1).path("at").asText());
        assertThat(page.json().path("nextCursor").asText()).isNotBlank();
        assertThat(api.call("GET", "/v1/audit-log", null, manager.subject()).status()).isEqualTo(403);
    }

    private static Seats seats() {
        return new DynamoSeatLedger(aws.dynamo(), aws.tableName()).read(WS);
    }

    private static boolean cognitoEnabled(String email) {
        try (CognitoIdentityProviderClient cognito = aws.clients().cognito()) {
            return cognito.adminGetUser(r -> r.userPoolId(aws.userPoolId()).username(email)).enabled();
        }
    }

    private static String dealOwner(String dealId) {
        return aws.dynamo().getItem(r -> r.tableName(aws.tableName()).key(Map.of(
                "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("WS#" + WS),
                "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("DEAL#" + dealId))))
                .item().get("ownerUserId").s();
    }
}
