package com.salesos.admin.functions.users;

import static com.salesos.admin.emulator.LambdaApi.json;
import static com.salesos.admin.emulator.TestWorkspace.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.emulator.LambdaApi;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.LocalAwsExtension;
import com.salesos.admin.emulator.TestWorkspace;
import com.salesos.admin.users.User;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * "Nobody grants more than they hold": a user whose custom role holds only users.manage may run
 * the people routes, but cannot make anyone (themselves included) Admin, hand out permissions it
 * lacks, widen a role, or take power from someone who holds more. Every refusal is 403 naming what
 * is missing, and nothing changes.
 */
@ExtendWith(LocalAwsExtension.class)
class GrantingThroughLambdaTest {

    static final String WS = "ws-grants";
    static LocalAws aws;
    static LambdaApi api;
    static User admin;
    static User peopleOps;
    static User rep;
    static String peopleOpsRole;

    @BeforeAll
    static void setUp(LocalAws localAws, LambdaApi lambda) {
        aws = localAws;
        TestWorkspace grants = TestWorkspace.on(aws, WS).name("Grants Inc").tier("team").seatLimit(8)
                .user("usr_admin", "admin@grants.test", "Ada Admin", "admin")
                .user("usr_po", "po@grants.test", "Pat People", "sales-rep")
                .user("usr_rep", "rep@grants.test", "Remy Rep", "sales-rep")
                .build();
        admin = grants.user("usr_admin");
        peopleOps = grants.user("usr_po");
        rep = grants.user("usr_rep");
        api = lambda;
        var role = api.call("POST", "/v1/roles", json("name", "People Ops", "permissions", List.of("users.manage")), admin.subject());
        assertThat(role.status()).as(role.body()).isEqualTo(201);
        peopleOpsRole = role.json().path("id").asText();
        assertThat(api.call("PATCH", "/v1/users/usr_po", json("role", peopleOpsRole), admin.subject()).status()).isEqualTo(200);
    }

    @Test
    void a_user_manager_cannot_make_themselves_admin() {
        var refused = api.call("PATCH", "/v1/users/usr_po", json("role", "admin"), peopleOps.subject());

        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().path("type").asText()).endsWith("/grant-not-held");
        assertThat(refused.json().path("missingPermissions").toString()).contains("billing.manage", "audit.read");
        assertThat(roleOf("usr_po")).isEqualTo(peopleOpsRole);
    }

    @Test
    void a_user_manager_cannot_give_a_permission_it_lacks_nor_take_an_admins_power() {
        assertThat(api.call("PATCH", "/v1/users/usr_rep", json("role", "manager"), peopleOps.subject()).status()).isEqualTo(403);
        assertThat(api.call("PATCH", "/v1/users/usr_admin", json("role", "sales-rep"), peopleOps.subject()).status()).isEqualTo(403);
        assertThat(api.call("POST", "/v1/users/usr_admin/deactivate", null, peopleOps.subject()).status()).isEqualTo(403);
        assertThat(roleOf("usr_rep")).isEqualTo("sales-rep");
        assertThat(roleOf("usr_admin")).isEqualTo("admin");
        assertThat(api.call("GET", "/v1/users/usr_admin", null, admin.subject()).json().path("status").asText()).isEqualTo("active");
    }

    @Test
    void a_user_manager_cannot_create_or_widen_a_role_beyond_what_it_holds() {
        var everything = api.call("POST", "/v1/roles", json("name", "Everything",
                "permissions", List.of("users.manage", "billing.manage", "gamification.manage", "data.export", "audit.read")),
                peopleOps.subject());
        assertThat(everything.status()).as(everything.body()).isEqualTo(403);
        assertThat(everything.json().path("missingPermissions").size()).isEqualTo(4);

        var widened = api.call("PATCH", "/v1/roles/" + peopleOpsRole,
                json("permissions", List.of("users.manage", "billing.manage")), peopleOps.subject());
        assertThat(widened.status()).as(widened.body()).isEqualTo(403);

        var roles = api.call("GET", "/v1/roles", null, admin.subject()).json().path("items");
        assertThat(roles.findValuesAsText("name")).doesNotContain("Everything");
        for (var role : roles) {
            if (role.path("id").asText().equals(peopleOpsRole)) {
                assertThat(role.path("permissions").toString()).isEqualTo("[\"users.manage\"]");
            }
        }
    }

    @Test
    void what_the_caller_holds_it_may_grant() {
        var moved = api.call("PATCH", "/v1/users/usr_rep", json("role", "People Ops"), peopleOps.subject());
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        var back = api.call("PATCH", "/v1/users/usr_rep", json("role", "sales-rep"), peopleOps.subject());
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        assertThat(api.call("POST", "/v1/roles", json("name", "Recruiter", "permissions", List.of("users.manage")),
                peopleOps.subject()).status()).isEqualTo(201);
    }

    @Test
    void an_admin_still_makes_admins() {
        User other = aws.workspaces().addUser(WS, "usr_other", "other@grants.test", "Otto Other", "sales-rep", null, PASSWORD);
        assertThat(api.call("PATCH", "/v1/users/" + other.id(), json("role", "admin"), admin.subject()).status()).isEqualTo(200);
        assertThat(api.call("PATCH", "/v1/users/" + other.id(), json("role", "sales-rep"), admin.subject()).status()).isEqualTo(200);
    }

    private static String roleOf(String userId) {
        return api.call("GET", "/v1/users/" + userId, null, admin.subject()).json().path("role").path("id").asText();
    }
}
