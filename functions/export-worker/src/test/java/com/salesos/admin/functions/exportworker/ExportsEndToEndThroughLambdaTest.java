package com.salesos.admin.functions.exportworker;

import static com.salesos.admin.emulator.TestWorkspace.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesos.admin.emulator.LambdaApi;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.LocalAwsExtension;
import com.salesos.admin.testing.MovableClock;
import com.salesos.admin.emulator.OnMovableClock;
import com.salesos.admin.emulator.QueueDriver;
import com.salesos.admin.emulator.SentEmails;
import com.salesos.admin.exports.ExportEntity;
import com.salesos.admin.users.User;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;

/** Exports from request to download, through both functions' real handlers and the emulated queue, table, bucket and SES. */
@ExtendWith(LocalAwsExtension.class)
class ExportsEndToEndThroughLambdaTest {

    static ExportFixture fx;

    @BeforeAll
    static void setUp(LocalAws aws, MovableClock clock, @OnMovableClock LambdaApi api, SentEmails emails) {
        fx = new ExportFixture(aws, clock, api, emails);
    }

    @AfterAll
    static void tearDown() {
        fx.close();
    }

    static final List<String> AWKWARD = List.of(
            "Hooli, \"platform\" deal", "two\nlines\r\nand a CR\r", "Jürgen Müller – 東京 🚀", "=cmd|' /C calc'!A0",
            "+SUM(1,2)", "-2+3", "@SUM(A1)", "\tTabbed", "\rCR first", "\nLF first", "plain", "'quoted already", "a=b");

    @Test
    void an_export_round_trips_awkward_values_field_by_field_and_emails_a_link_to_the_export_page() {
        String admin = fx.admin("ws-trip");
        for (int i = 0; i < AWKWARD.size(); i++) {
            String value = AWKWARD.get(i);
            fx.aws.workspaces().addRecord("ws-trip", "deal", "deal-" + i, "usr_ws-trip_admin",
                    Map.of("name", value, "stage", i % 2 == 0 ? "won" : value, "amount", Integer.toString(1000 * i), "currency", "EUR"));
            fx.aws.workspaces().addRecord("ws-trip", "lead", "lead-" + i, "usr_ws-trip_admin",
                    Map.of("name", value, "email", "l" + i + "@example.test", "company", value));
            fx.aws.workspaces().addRecord("ws-trip", "activity", "act-" + i, "usr_ws-trip_admin",
                    Map.of("activityType", "CALL_LOGGED", "dealId", "deal-" + i, "occurredAt", "2026-11-0" + (1 + i % 9) + "T10:00:00Z"));
        }
        fx.aws.workspaces().addUser("ws-trip", "usr_ws-trip_rep", "rep@ws-trip.test", "=HYPERLINK(\"http://x\",\"Zoë, \"\"Rep\"\"\")",
                "sales-rep", null, PASSWORD);

        String id = fx.requestExport(admin, List.of("activities", "users", "leads", "deals"));
        assertThat(fx.driver.drain()).isEqualTo(1);

        JsonNode job = fx.job(admin, id);
        assertThat(job.path("status").asText()).isEqualTo("succeeded");
        assertThat(job.path("counts").toString()).isEqualTo("{\"deals\":13,\"leads\":13,\"users\":2,\"activities\":13}");
        assertThat(job.path("progress")).isEqualTo(job.path("counts"));
        assertThat(job.path("finishedAt").asText()).isNotBlank();
        assertThat(Instant.parse(job.path("expiresAt").asText())).isEqualTo(Instant.parse(job.path("finishedAt").asText()).plus(Duration.ofDays(7)));

        byte[] zip = fx.download(admin, id);
        assertThat((long) zip.length).isEqualTo(job.path("sizeBytes").asLong());
        assertThat(ExportFixture.sha256(zip)).isEqualTo(job.path("sha256").asText());
        Map<String, List<CSVRecord>> files = ExportFixture.unzip(zip);
        assertThat(files.keySet()).containsExactly("deals.csv", "leads.csv", "users.csv", "activities.csv");
        assertThat(ExportFixture.csvRows(files.get("deals.csv"))).isEqualTo(fx.storeRows("ws-trip", ExportEntity.DEALS, "DEAL#"));
        assertThat(ExportFixture.csvRows(files.get("leads.csv"))).isEqualTo(fx.storeRows("ws-trip", ExportEntity.LEADS, "LEAD#"));
        assertThat(ExportFixture.csvRows(files.get("users.csv"))).isEqualTo(fx.storeRows("ws-trip", ExportEntity.USERS, "USER#"));
        assertThat(ExportFixture.csvRows(files.get("activities.csv"))).isEqualTo(fx.storeRows("ws-trip", ExportEntity.ACTIVITIES, "ACTIVITY#"));
        // Spot checks against the raw values, so the comparison above cannot agree with itself by accident.
        assertThat(cell(files.get("deals.csv"), "deal-0", "name")).isEqualTo("Hooli, \"platform\" deal");
        assertThat(cell(files.get("deals.csv"), "deal-3", "name")).isEqualTo("'=cmd|' /C calc'!A0");
        assertThat(cell(files.get("deals.csv"), "deal-1", "name")).isEqualTo("two\nlines\r\nand a CR\r");
        assertThat(cell(files.get("deals.csv"), "deal-5", "stage")).isEqualTo("'-2+3");
        assertThat(cell(files.get("leads.csv"), "lead-2", "company")).isEqualTo("Jürgen Müller – 東京 🚀");
        assertThat(cell(files.get("users.csv"), "usr_ws-trip_rep", "name")).isEqualTo("'=HYPERLINK(\"http://x\",\"Zoë, \"\"Rep\"\"\")");

        var emails = fx.emails.to("admin@ws-trip.test");
        assertThat(emails).hasSize(1);
        assertThat(emails.get(0).subject()).contains("ready");
        assertThat(emails.get(0).body()).contains(System.getProperty("APP_URL") + "/exports/" + id)
                .doesNotContain("X-Amz").doesNotContain("exports/ws-trip/");

        Instant now = fx.clock.instant();
        try {
            fx.clock.set(Instant.parse(job.path("expiresAt").asText()));
            var expired = fx.api.call("GET", "/v1/exports/" + id + "/download", null, admin);
            assertThat(expired.status()).isEqualTo(410);
            assertThat(expired.json().path("type").asText()).endsWith("export-expired");
        } finally {
            fx.clock.set(now);
        }
        assertThat(fx.requestExport(admin, List.of("deals"))).as("the workspace's slot is free again").isNotEqualTo(id);
        fx.driver.drain();
    }

    @Test
    void the_requesters_typed_name_is_quoted_with_nothing_a_mail_client_would_link() {
        // Whoever invited the requester typed this name; the export page must stay the email's only link.
        String name = "Nina Session expired, sign in at https://evil.test/salesos or www.evil.test";
        String requester = com.salesos.admin.emulator.TestWorkspace.on(fx.aws, "ws-named").tier("team").seatLimit(10)
                .user("usr_ws-named_admin", "admin@ws-named.test", name, "admin")
                .build().admin().subject();
        fx.aws.workspaces().addRecord("ws-named", "deal", "deal-1", "usr_ws-named_admin", Map.of("name", "A deal"));

        String id = fx.requestExport(requester, List.of("deals"));
        assertThat(fx.driver.drain()).isEqualTo(1);

        String body = fx.emails.to("admin@ws-named.test").get(0).body();
        String page = System.getProperty("APP_URL") + "/exports/" + id;
        assertThat(body).contains(page).containsOnlyOnce("://").contains("evil[.]test");
        assertThat(body.replace(page, "")).doesNotContainPattern("(?i)www\\.|[a-z0-9-]\\.[a-z]{2,}");
    }

    @Test
    void a_duplicate_delivery_of_the_same_message_even_concurrently_builds_one_export_and_sends_one_email() throws Exception {
        String admin = fx.admin("ws-dup");
        fx.aws.workspaces().addRecord("ws-dup", "deal", "deal-1", "usr_ws-dup_admin", Map.of("name", "Only deal"));
        String id = fx.requestExport(admin, List.of("deals"));
        Message message = fx.receive();

        CyclicBarrier start = new CyclicBarrier(2);
        var first = CompletableFuture.supplyAsync(() -> { await(start); return fx.handler.handleRequest(fx.event(message), null); });
        var second = CompletableFuture.supplyAsync(() -> { await(start); return fx.handler.handleRequest(fx.event(message), null); });
        var late = fx.handler.handleRequest(fx.event(message, message), null);

        assertThat(first.get().getBatchItemFailures()).isEmpty();
        assertThat(second.get().getBatchItemFailures()).isEmpty();
        assertThat(late.getBatchItemFailures()).isEmpty();
        assertThat(fx.job(admin, id).path("status").asText()).isEqualTo("succeeded");
        assertThat(fx.objectKeys("ws-dup")).containsExactly("exports/ws-dup/" + id + ".zip");
        assertThat(fx.emails.to("admin@ws-dup.test")).hasSize(1);
    }

    @Test
    void a_job_that_keeps_failing_ends_in_the_dead_letter_queue_marked_failed_with_one_email_and_no_file() {
        String admin = fx.admin("ws-dlq");
        fx.aws.workspaces().addRecord("ws-dlq", "deal", "deal-1", "usr_ws-dlq_admin", Map.of("name", "A deal"));
        String bucket = System.getProperty("EXPORTS_BUCKET");
        ExportWorkerHandler broken;
        System.setProperty("EXPORTS_BUCKET", "no-such-bucket");
        try {
            broken = fx.newHandler();
        } finally {
            System.setProperty("EXPORTS_BUCKET", bucket);
        }
        QueueDriver brokenDriver = fx.driverFor(broken);
        String id = fx.requestExport(admin, List.of("deals"));

        // 5 failed receives (maxReceiveCount in template.yaml), then the dead-letter delivery.
        assertThat(brokenDriver.drain()).isEqualTo(6);

        JsonNode job = fx.job(admin, id);
        assertThat(job.path("status").asText()).isEqualTo("failed");
        assertThat(job.path("error").asText()).contains("NoSuchBucket");
        assertThat(job.path("sha256").isNull()).isTrue();
        var emails = fx.emails.to("admin@ws-dlq.test");
        assertThat(emails).hasSize(1);
        assertThat(emails.get(0).subject()).contains("failed");
        assertThat(emails.get(0).body()).contains("/exports/" + id);
        assertThat(fx.objectKeys("ws-dlq")).isEmpty();

        // The dead-letter message delivered again: still one email.
        var again = fx.event(fx.wakeUpMessage(id, "ws-dlq"));
        again.getRecords().get(0).setEventSourceArn(fx.aws.stack().physicalId("ExportDeadLetterQueue.Arn"));
        assertThat(broken.handleRequest(again, null).getBatchItemFailures()).isEmpty();
        assertThat(fx.emails.to("admin@ws-dlq.test")).hasSize(1);
        assertThat(fx.job(admin, id).path("status").asText()).isEqualTo("failed");
        broken.close();

        var download = fx.api.call("GET", "/v1/exports/" + id + "/download", null, admin);
        assertThat(download.status()).isEqualTo(409);
        String next = fx.requestExport(admin, List.of("deals"));
        fx.driver.drain();
        assertThat(fx.job(admin, next).path("status").asText()).isEqualTo("succeeded");
    }

    private static String cell(List<CSVRecord> records, String id, String column) {
        return records.stream().filter(r -> r.get("id").equals(id)).findFirst().orElseThrow().get(column);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
