package com.salesos.admin.functions.support;

import static com.salesos.admin.emulator.LambdaApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.aws.audit.DynamoAuditTrail;
import com.salesos.admin.common.PageRequest;
import com.salesos.admin.emulator.LambdaApi;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.MotoServer;
import com.salesos.admin.testing.MovableClock;
import com.salesos.admin.emulator.SentEmails;
import com.salesos.admin.users.User;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/** A workspace deletion request through the real handler: support opens, an Admin confirms by name, support executes. */
class WorkspaceDeletionThroughLambdaTest {

    static final String PASSWORD = "Correct-Horse-9-Battery";
    static LocalAws aws;
    static MovableClock clock;
    static LambdaApi api;
    static SentEmails emails;
    static String staff;
    static SqsClient sqs;

    @BeforeAll
    static void setUp() {
        aws = LocalAws.fresh();
        clock = new MovableClock(Instant.parse("2026-05-01T09:00:00Z"));
        api = new LambdaApi(clock);
        emails = new SentEmails(MotoServer.shared());
        staff = aws.openSupportAccount("staff@salesos.test", PASSWORD);
        sqs = aws.clients().sqs();
    }

    @AfterAll
    static void tearDown() {
        api.close();
        sqs.close();
    }

    record Workspace(String id, User admin, User manager) {
    }

    static Workspace workspace(String id) {
        aws.workspaces().createWorkspace(id, "Name of " + id, "team", 10);
        return new Workspace(id,
                aws.workspaces().addUser(id, "usr_" + id + "_admin", "admin@" + id + ".test", "Admin", "admin", null, PASSWORD),
                aws.workspaces().addUser(id, "usr_" + id + "_mgr", "mgr@" + id + ".test", "Manager", "manager", null, PASSWORD));
    }

    static String open(Workspace ws) {
        var opened = api.callAsSupport(staff, "POST", "/v1/support/workspaces/" + ws.id() + "/deletion-requests",
                json("ticket", "SUP-9", "reason", "contract ended"));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return opened.json().path("id").asText();
    }

    static LambdaApi.Response confirm(Workspace ws, String requestId, String name) {
        return api.call("POST", "/v1/workspace/deletion-requests/" + requestId + "/confirm", json("workspaceName", name),
                ws.admin().subject());
    }

    @Test
    void open_confirm_by_exact_name_wait_and_execute_queues_the_deletion_and_tells_the_admins_each_time() {
        Workspace ws = workspace("ws-del-1");
        String requestId = open(ws);
        assertThat(emails.to("admin@ws-del-1.test")).hasSize(1);
        // A second between steps, so the audit log's newest-first order is the order of the steps.
        clock.advance(Duration.ofSeconds(1));

        var wrong = confirm(ws, requestId, "name of ws-del-1");
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.json().path("failedConfirmations").asInt()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        var confirmed = confirm(ws, requestId, "Name of ws-del-1");
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().path("state").asText()).isEqualTo("confirmed");
        assertThat(confirmed.json().path("failedConfirmations").asInt()).isEqualTo(1);

        var early = api.callAsSupport(staff, "POST", "/v1/support/deletion-requests/" + requestId + "/execute",
                json("workspaceId", ws.id()));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.header("Retry-After")).isNotNull();
        clock.advance(Duration.ofHours(72));
        var wrongWorkspace = api.callAsSupport(staff, "POST", "/v1/support/deletion-requests/" + requestId + "/execute",
                json("workspaceId", "ws-other"));
        assertThat(wrongWorkspace.status()).isEqualTo(422);
        var executed = api.callAsSupport(staff, "POST", "/v1/support/deletion-requests/" + requestId + "/execute",
                json("workspaceId", ws.id()));
        assertThat(executed.status()).as(executed.body()).isEqualTo(202);
        assertThat(executed.json().path("state").asText()).isEqualTo("running");

        String queueUrl = aws.stack().physicalId("DeletionQueue");
        var messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)).messages();
        assertThat(messages).extracting(m -> m.body()).contains("{\"deletionRequestId\":\"" + requestId + "\"}");
        assertThat(emails.to("admin@ws-del-1.test")).hasSize(3);
        assertThat(emails.to("mgr@ws-del-1.test")).as("only Admins are told").isEmpty();
        assertThat(api.callAsSupport(staff, "GET", "/v1/support/deletion-requests/" + requestId, null).json()
                .path("state").asText()).isEqualTo("running");

        var audit = new DynamoAuditTrail(aws.dynamo(), aws.tableName()).newestFirst(ws.id(), PageRequest.of(50, null)).items();
        assertThat(audit).extracting(e -> e.event().action()).containsSubsequence("workspace.deletion.executed",
                "workspace.deletion.confirmed", "workspace.deletion.confirmation-refused", "workspace.deletion.opened");
        assertThat(audit.stream().filter(e -> e.event().action().startsWith("workspace.deletion.")).toList().toString())
                .as("deletion records carry no personal data").doesNotContain("admin@ws-del-1.test", "Admin");
    }

    @Test
    void while_confirmed_the_admin_may_still_cancel_and_a_running_deletion_cannot_be_cancelled() {
        Workspace ws = workspace("ws-del-2");
        String first = open(ws);
        confirm(ws, first, "Name of ws-del-2");

        var cancelled = api.call("DELETE", "/v1/workspace/deletion-requests/" + first, null, ws.admin().subject());
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(204);
        assertThat(api.callAsSupport(staff, "GET", "/v1/support/deletion-requests/" + first, null).json()
                .path("state").asText()).isEqualTo("cancelled");

        String second = open(ws);
        confirm(ws, second, "Name of ws-del-2");
        clock.advance(Duration.ofHours(72));
        api.callAsSupport(staff, "POST", "/v1/support/deletion-requests/" + second + "/execute", json("workspaceId", ws.id()));
        var tooLate = api.callAsSupport(staff, "DELETE", "/v1/support/deletion-requests/" + second, null);
        assertThat(tooLate.status()).isEqualTo(409);
        assertThat(tooLate.json().path("type").asText()).endsWith("deletion-step-not-allowed");
    }

    @Test
    void only_an_admin_of_the_workspace_confirms_and_another_workspace_gets_404() {
        Workspace ws = workspace("ws-del-3");
        Workspace other = workspace("ws-del-4");
        String requestId = open(ws);

        var asManager = api.call("POST", "/v1/workspace/deletion-requests/" + requestId + "/confirm",
                json("workspaceName", "Name of ws-del-3"), ws.manager().subject());
        var asOtherAdmin = confirm(other, requestId, "Name of ws-del-3");

        assertThat(asManager.status()).isEqualTo(403);
        assertThat(asOtherAdmin.status()).isEqualTo(404);
        assertThat(api.callAsSupport(staff, "GET", "/v1/support/deletion-requests/" + requestId, null).json()
                .path("state").asText()).isEqualTo("open");
    }

    @Test
    void a_second_request_for_the_same_workspace_is_refused_naming_the_live_one() {
        Workspace ws = workspace("ws-del-5");
        String first = open(ws);

        var again = api.callAsSupport(staff, "POST", "/v1/support/workspaces/" + ws.id() + "/deletion-requests",
                json("ticket", "SUP-10", "reason", "again"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("deletionRequestId").asText()).isEqualTo(first);
        assertThat(api.callAsSupport(staff, "POST", "/v1/support/workspaces/ws-nowhere/deletion-requests",
                json("ticket", "SUP-10", "reason", "x")).status()).isEqualTo(404);
    }

    @Test
    void a_retried_opening_with_the_same_idempotency_key_answers_the_first_request() {
        Workspace ws = workspace("ws-del-7");
        String path = "/v1/support/workspaces/" + ws.id() + "/deletion-requests";
        Map<String, String> key = Map.of("Idempotency-Key", "sup-11-open");

        var first = api.callAsSupport(staff, "POST", path, json("ticket", "SUP-11", "reason", "customer asked"), key);
        var retry = api.callAsSupport(staff, "POST", path, json("ticket", "SUP-11", "reason", "customer asked"), key);
        var otherBody = api.callAsSupport(staff, "POST", path, json("ticket", "SUP-12", "reason", "other"), key);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().path("id").asText()).isEqualTo(first.json().path("id").asText());
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.json().path("type").asText()).endsWith("/idempotency-key-reused");
        assertThat(emails.to("admin@ws-del-7.test")).as("the admins are told once").hasSize(1);
    }

    @Test
    void workspace_users_cannot_use_support_routes_and_support_cannot_confirm() {
        Workspace ws = workspace("ws-del-6");
        String requestId = open(ws);

        assertThat(api.call("POST", "/v1/support/workspaces/" + ws.id() + "/deletion-requests",
                json("ticket", "SUP-1", "reason", "x"), ws.admin().subject()).status()).isEqualTo(403);
        assertThat(api.call("POST", "/v1/support/deletion-requests/" + requestId + "/execute",
                json("workspaceId", ws.id()), ws.admin().subject()).status()).isEqualTo(403);
        assertThat(api.callAsSupport(staff, "POST", "/v1/workspace/deletion-requests/" + requestId + "/confirm",
                json("workspaceName", "Name of ws-del-6")).status()).isEqualTo(403);
    }
}
