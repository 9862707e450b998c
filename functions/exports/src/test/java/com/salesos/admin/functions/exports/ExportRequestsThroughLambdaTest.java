package com.salesos.admin.functions.exports;

import static com.salesos.admin.emulator.LambdaApi.json;
import static com.salesos.admin.emulator.TestWorkspace.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.emulator.LambdaApi;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.LocalAwsExtension;
import com.salesos.admin.emulator.MotoServer;
import com.salesos.admin.testing.MovableClock;
import com.salesos.admin.emulator.OnMovableClock;
import com.salesos.admin.emulator.TestWorkspace;
import com.salesos.admin.users.User;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** Requesting, listing and downloading exports through the real handler, against the emulated table and queue. */
@ExtendWith(LocalAwsExtension.class)
class ExportRequestsThroughLambdaTest {

    static LocalAws aws;
    static MovableClock clock;
    static LambdaApi api;
    static SqsClient sqs;
    static String queueUrl;

    @BeforeAll
    static void setUp(LocalAws localAws, MovableClock movableClock, @OnMovableClock LambdaApi lambda) {
        aws = localAws;
        clock = movableClock;
        api = lambda;
        sqs = aws.clients().sqs();
        queueUrl = aws.stack().physicalId("ExportQueue");
    }

    @AfterAll
    static void tearDown() {
        sqs.close();
    }

    static User admin(String ws) {
        return TestWorkspace.on(aws, ws).tier("team").seatLimit(10).admin().build().admin();
    }

    static List<Message> drainQueue() {
        List<Message> all = new java.util.ArrayList<>();
        while (true) {
            List<Message> batch = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)).messages();
            if (batch.isEmpty()) {
                return all;
            }
            batch.forEach(m -> sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle())));
            all.addAll(batch);
        }
    }

    static List<Map<String, AttributeValue>> exportItems(String ws) {
        return aws.dynamo().query(r -> r.tableName(aws.tableName()).keyConditionExpression("pk = :p and begins_with(sk, :s)")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("WS#" + ws), ":s", AttributeValue.fromS("EXPORT")))).items();
    }

    @Test
    void a_request_answers_202_with_the_queued_job_and_sends_one_wake_up_and_a_second_one_is_refused_naming_it() {
        User admin = admin("ws-req");
        drainQueue();

        var accepted = api.call("POST", "/v1/exports", json("entities", List.of("leads", "deals")), admin.subject());

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String id = accepted.json().path("id").asText();
        assertThat(accepted.json().path("status").asText()).isEqualTo("queued");
        assertThat(accepted.json().path("entities").toString()).isEqualTo("[\"deals\",\"leads\"]");
        assertThat(accepted.header("Location")).isEqualTo("/v1/exports/" + id);
        List<Message> messages = drainQueue();
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).body()).isEqualTo("{\"workspaceId\":\"ws-req\",\"jobId\":\"" + id + "\"}");

        var refused = api.call("POST", "/v1/exports", json("entities", List.of("users")), admin.subject());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().path("activeExportId").asText()).isEqualTo(id);
        assertThat(refused.json().path("detail").asText()).contains(id).contains("queued");
        assertThat(drainQueue()).isEmpty();

        var job = api.call("GET", "/v1/exports/" + id, null, admin.subject());
        assertThat(job.status()).isEqualTo(200);
        assertThat(job.json().path("progress").toString()).isEqualTo("{\"deals\":0,\"leads\":0}");
        assertThat(job.json().has("sha256")).isTrue();
        assertThat(job.json().path("sha256").isNull()).isTrue();
        var listed = api.call("GET", "/v1/exports", null, admin.subject()).json().path("items");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("id").asText()).isEqualTo(id);
    }

    @Test
    void a_retried_request_with_the_same_idempotency_key_gets_the_same_job_and_no_second_message() {
        User admin = admin("ws-idem");
        drainQueue();
        Map<String, String> key = Map.of("Idempotency-Key", "export-1");

        var first = api.call("POST", "/v1/exports", json("entities", List.of("deals")), admin.subject(), key);
        var again = api.call("POST", "/v1/exports", json("entities", List.of("deals")), admin.subject(), key);

        assertThat(first.status()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().path("id").asText()).isEqualTo(first.json().path("id").asText());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(drainQueue()).hasSize(1);
    }

    @Test
    void a_request_that_picks_no_entities_exports_everything_the_workspace_holds_and_counts_each_kind() {
        String all = "[\"deals\",\"leads\",\"users\",\"activities\",\"invitations\",\"roles\",\"teams\","
                + "\"points\",\"awards\",\"badges\",\"point-settings-history\",\"audit-log\"]";
        User first = admin("ws-all");
        User second = admin("ws-none");
        drainQueue();

        var missing = api.call("POST", "/v1/exports", "{}", first.subject());
        var empty = api.call("POST", "/v1/exports", json("entities", List.of()), second.subject());

        for (var accepted : List.of(missing, empty)) {
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
            assertThat(accepted.json().path("entities").toString()).isEqualTo(all);
            assertThat(accepted.json().path("progress").size()).isEqualTo(12);
            assertThat(accepted.json().path("progress").path("audit-log").asLong()).isZero();
        }
        assertThat(drainQueue()).hasSize(2);
    }

    @Test
    void bad_input_gets_problem_json_and_writes_nothing_and_sends_nothing() {
        User admin = admin("ws-bad");
        User rep = aws.workspaces().addUser("ws-bad", "usr_ws-bad_rep", "rep@ws-bad.test", "Rep", "sales-rep", null, PASSWORD);
        User manager = aws.workspaces().addUser("ws-bad", "usr_ws-bad_mgr", "mgr@ws-bad.test", "Mgr", "manager", null, PASSWORD);
        drainQueue();

        var unknown = api.call("POST", "/v1/exports", json("entities", List.of("deals", "invoices")), admin.subject());
        var notAList = api.call("POST", "/v1/exports", json("entities", "deals"), admin.subject());
        var notJson = api.call("POST", "/v1/exports", "{entities", admin.subject());
        var byRep = api.call("POST", "/v1/exports", json("entities", List.of("deals")), rep.subject());
        var byManager = api.call("POST", "/v1/exports", json("entities", List.of("deals")), manager.subject());

        for (var refused : List.of(unknown, notAList, notJson, byRep, byManager)) {
            assertThat(refused.header("Content-Type")).as(refused.body()).startsWith("application/problem+json");
            assertThat(refused.json().path("type").asText()).isNotBlank();
            assertThat(refused.json().path("title").asText()).isNotBlank();
        }
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().path("detail").asText()).contains("invoices");
        assertThat(notAList.status()).isEqualTo(422);
        assertThat(notAList.json().path("errors").get(0).path("field").asText()).isEqualTo("entities");
        assertThat(notJson.status()).isEqualTo(422);
        assertThat(byRep.status()).isEqualTo(403);
        assertThat(byManager.status()).isEqualTo(403);
        assertThat(api.call("GET", "/v1/exports", null, rep.subject()).status()).isEqualTo(403);
        assertThat(exportItems("ws-bad")).isEmpty();
        assertThat(drainQueue()).isEmpty();
    }

    @Test
    void another_workspaces_job_is_not_found_and_a_job_not_yet_done_cannot_be_downloaded() {
        User owner = admin("ws-own");
        User stranger = admin("ws-other");
        String id = api.call("POST", "/v1/exports", json("entities", List.of("users")), owner.subject()).json().path("id").asText();
        drainQueue();

        var notDone = api.call("GET", "/v1/exports/" + id + "/download", null, owner.subject());
        var foreign = api.call("GET", "/v1/exports/" + id, null, stranger.subject());
        var foreignDownload = api.call("GET", "/v1/exports/" + id + "/download", null, stranger.subject());
        var garbage = api.call("GET", "/v1/exports/..%2F..%2Fetc/download", null, owner.subject());

        assertThat(notDone.status()).isEqualTo(409);
        assertThat(notDone.json().path("type").asText()).endsWith("export-not-ready");
        assertThat(notDone.header("Location")).isNull();
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreignDownload.status()).isEqualTo(404);
        assertThat(garbage.status()).isEqualTo(404);
        assertThat(api.call("GET", "/v1/exports", null, stranger.subject()).json().path("items")).isEmpty();
        assertThat(exportItems("ws-other")).isEmpty();
    }

    @Test
    void a_job_whose_wake_up_was_lost_gets_a_new_one_when_someone_asks_again_after_a_while() {
        User admin = admin("ws-lost");
        String id = api.call("POST", "/v1/exports", json("entities", List.of("deals")), admin.subject()).json().path("id").asText();
        assertThat(drainQueue()).as("the wake-up, lost").hasSize(1);

        var soon = api.call("POST", "/v1/exports", json("entities", List.of("deals")), admin.subject());
        assertThat(soon.status()).isEqualTo(409);
        assertThat(drainQueue()).as("a queued job is left alone for a while").isEmpty();

        clock.advance(java.time.Duration.ofMinutes(16));
        var later = api.call("POST", "/v1/exports", json("entities", List.of("deals")), admin.subject());
        assertThat(later.status()).isEqualTo(409);
        assertThat(later.json().path("activeExportId").asText()).isEqualTo(id);
        List<Message> resent = drainQueue();
        assertThat(resent).hasSize(1);
        assertThat(resent.get(0).body()).contains(id);
    }

    @Test
    void when_the_queue_is_down_the_request_answers_503_and_leaves_no_job_behind() {
        User admin = admin("ws-noqueue");
        System.setProperty("AWS_ENDPOINT_URL_SQS", "http://127.0.0.1:" + MotoServer.freePort());
        LambdaApi queueDown;
        try {
            queueDown = new LambdaApi(clock);
        } finally {
            System.clearProperty("AWS_ENDPOINT_URL_SQS");
        }
        try (queueDown) {
            var refused = queueDown.call("POST", "/v1/exports", json("entities", List.of("deals")), admin.subject());

            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.json().path("type").asText()).endsWith("queue-unavailable");
        }
        assertThat(exportItems("ws-noqueue")).isEmpty();
        assertThat(api.call("GET", "/v1/exports", null, admin.subject()).json().path("items")).isEmpty();
        var retried = api.call("POST", "/v1/exports", json("entities", List.of("deals")), admin.subject());
        assertThat(retried.status()).as("nothing blocks the next request").isEqualTo(202);
        assertThat(drainQueue()).hasSize(1);
    }
}
