package com.salesos.admin.local;

import static com.salesos.admin.emulator.TestWorkspace.PASSWORD;
import static com.salesos.admin.local.HttpApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.LocalAwsExtension;
import com.salesos.admin.emulator.MotoServer;
import com.salesos.admin.emulator.SentEmails;
import com.salesos.admin.emulator.TestWorkspace;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Access rules over HTTP with real Cognito tokens: tenant isolation, immediate role changes, the last Admin. */
@ExtendWith(LocalAwsExtension.class)
class AccessAcrossWorkspacesTest {

    static LocalAws aws;
    static LocalServer server;
    static HttpApi api;
    static String adminA;
    static String adminB;

    @BeforeAll
    static void start(LocalAws localAws) {
        aws = localAws;
        TestWorkspace a = TestWorkspace.on(aws, "ws-a").tier("team").seatLimit(10)
                .admin().user("usr_ws-a_rep", "rep@ws-a.test", "Rep", "sales-rep")
                .build();
        TestWorkspace b = TestWorkspace.on(aws, "ws-b").tier("team").seatLimit(10)
                .admin().user("usr_ws-b_rep", "rep@ws-b.test", "Rep", "sales-rep")
                .deal("deal-b", "usr_ws-b_rep", java.util.Map.of("name", "B's deal"))
                .build();
        server = LocalServer.start(aws.stack(), MotoServer.freePort());
        api = new HttpApi(server.url());
        adminA = a.accessToken("usr_ws-a_admin");
        adminB = b.accessToken("usr_ws-b_admin");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void every_route_with_an_id_answers_404_for_another_workspaces_id_and_changes_nothing() {
        String roleB = api.send("POST", "/v1/roles", json("name", "B Role", "permissions", List.of("data.export")), adminB).json().path("id").asText();
        String invitationB = api.send("POST", "/v1/invitations", json("email", "new@ws-b.test", "name", "New", "role", "sales-rep"), adminB)
                .json().path("id").asText();
        String userB = "usr_ws-b_rep";
        String auditBefore = api.send("GET", "/v1/audit-log?limit=200", null, adminB).body();

        List<String[]> probes = List.of(
                new String[] {"GET", "/v1/users/" + userB, null},
                new String[] {"PATCH", "/v1/users/" + userB, json("role", "manager")},
                new String[] {"POST", "/v1/users/" + userB + "/deactivate", null},
                new String[] {"POST", "/v1/users/" + userB + "/reactivate", null},
                new String[] {"POST", "/v1/users/" + userB + "/reassign-deals", json("toUserId", "usr_ws-a_rep")},
                new String[] {"PATCH", "/v1/roles/" + roleB, json("name", "Stolen")},
                new String[] {"DELETE", "/v1/roles/" + roleB, null},
                new String[] {"POST", "/v1/invitations/" + invitationB + "/resend", null},
                new String[] {"DELETE", "/v1/invitations/" + invitationB, null});
        for (String[] probe : probes) {
            var response = api.send(probe[0], probe[1], probe[2], adminA);
            assertThat(response.status()).as("%s %s", probe[0], probe[1]).isEqualTo(404);
            assertThat(response.body()).as("%s %s", probe[0], probe[1]).doesNotContain("rep@ws-b.test").doesNotContain("B Role");
        }

        assertThat(api.send("GET", "/v1/users/" + userB, null, adminB).json().path("role").path("id").asText()).isEqualTo("sales-rep");
        assertThat(api.send("GET", "/v1/users/" + userB, null, adminB).json().path("status").asText()).isEqualTo("active");
        assertThat(api.send("GET", "/v1/roles", null, adminB).body()).contains("B Role");
        assertThat(api.send("GET", "/v1/invitations?status=pending", null, adminB).body()).contains(invitationB);
        assertThat(new SentEmails(MotoServer.shared()).to("new@ws-b.test")).hasSize(1);
        assertThat(api.send("GET", "/v1/audit-log?limit=200", null, adminB).body()).isEqualTo(auditBefore);
        assertThat(api.send("GET", "/v1/users", null, adminA).body()).doesNotContain("@ws-b.test");
    }

    @Test
    void a_managers_token_gains_and_loses_admin_access_the_moment_the_role_changes() {
        aws.workspaces().addUser("ws-a", "usr_ws-a_mgr", "mgr@ws-a.test", "Manager", "manager", null, PASSWORD);
        String token = aws.signIn().accessToken("mgr@ws-a.test", PASSWORD);
        assertThat(api.send("GET", "/v1/users", null, token).status()).isEqualTo(403);

        assertThat(api.send("PATCH", "/v1/users/usr_ws-a_mgr", json("role", "admin"), adminA).status()).isEqualTo(200);
        assertThat(api.send("GET", "/v1/users", null, token).status()).isEqualTo(200);

        assertThat(api.send("PATCH", "/v1/users/usr_ws-a_mgr", json("role", "manager"), adminA).status()).isEqualTo(200);
        assertThat(api.send("GET", "/v1/users", null, token).status()).isEqualTo(403);
    }

    @Test
    void two_admins_demoting_each_other_at_once_leave_exactly_one_admin() throws Exception {
        aws.workspaces().createWorkspace("ws-duel", "Duel", "team", 5);
        aws.workspaces().addUser("ws-duel", "usr_one", "one@duel.test", "One", "admin", null, PASSWORD);
        aws.workspaces().addUser("ws-duel", "usr_two", "two@duel.test", "Two", "admin", null, PASSWORD);
        String one = aws.signIn().accessToken("one@duel.test", PASSWORD);
        String two = aws.signIn().accessToken("two@duel.test", PASSWORD);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        Future<HttpApi.Response> oneDemotesTwo = pool.submit(() -> {
            go.await();
            return api.send("PATCH", "/v1/users/usr_two", json("role", "manager"), one);
        });
        Future<HttpApi.Response> twoDemotesOne = pool.submit(() -> {
            go.await();
            return api.send("PATCH", "/v1/users/usr_one", json("role", "manager"), two);
        });
        go.countDown();
        List<Integer> statuses = new ArrayList<>(List.of(oneDemotesTwo.get().status(), twoDemotesOne.get().status()));
        pool.shutdown();

        // The loser either reached the store (409 last-admin) or was already demoted when its own
        // access check ran (403): both leave exactly one Admin.
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409 || s == 403).hasSize(1);
        String survivor = statuses.get(0) == 200 ? one : two;
        var admins = api.send("GET", "/v1/users?role=admin&status=active", null, survivor).json().path("items");
        assertThat(admins).hasSize(1);
    }
}
