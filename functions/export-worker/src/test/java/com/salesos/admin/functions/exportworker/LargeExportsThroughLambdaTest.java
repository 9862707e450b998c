package com.salesos.admin.functions.exportworker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesos.admin.aws.audit.DynamoAuditLog;
import com.salesos.admin.aws.exports.DynamoExportJobs;
import com.salesos.admin.aws.exports.DynamoExportRecords;
import com.salesos.admin.aws.exports.S3ExportFiles;
import com.salesos.admin.aws.exports.SesExportMailer;
import com.salesos.admin.aws.exports.SqsExportQueue;
import com.salesos.admin.common.TimeOrderedIds;
import com.salesos.admin.emulator.LambdaApi;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.LocalAwsExtension;
import com.salesos.admin.testing.MovableClock;
import com.salesos.admin.emulator.OnMovableClock;
import com.salesos.admin.emulator.SentEmails;
import com.salesos.admin.emulator.calls.LostAnswers;
import com.salesos.admin.exports.ExportEntity;
import com.salesos.admin.exports.ExportFiles;
import com.salesos.admin.exports.ExportJobStore;
import com.salesos.admin.exports.ExportRef;
import com.salesos.admin.exports.ExportWorker;
import com.salesos.admin.common.Pacer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Exports of several 5 MiB parts (S3's real minimum part size, which moto enforces): continuation
 * across invocations under a tiny time budget, and faults after some parts (S3 while uploading a
 * part, DynamoDB while saving a checkpoint) resumed from the last checkpoint. Incompressible 16 KB
 * deal names keep the record count, and the test time, small.
 */
@ExtendWith(LocalAwsExtension.class)
class LargeExportsThroughLambdaTest {

    static final int DEALS = 1_500;
    static ExportFixture fx;

    @BeforeAll
    static void setUp(LocalAws aws, MovableClock clock, @OnMovableClock LambdaApi api, SentEmails emails) {
        fx = new ExportFixture(aws, clock, api, emails);
    }

    @AfterAll
    static void tearDown() {
        fx.close();
    }

    @Test
    void under_a_tiny_time_budget_each_invocation_writes_a_part_checkpoints_and_wakes_the_next_with_progress_visible() {
        String admin = fx.admin("ws-budget");
        fx.seedLargeDeals("ws-budget", DEALS, 16_384, 1);
        String id = fx.requestExport(admin, List.of("deals", "users"));
        fx.driver.budget(Duration.ofSeconds(1)); // below the worker's 30 s reserve: one part per invocation
        try {
            assertThat(fx.driver.pollOnce(Duration.ZERO)).isEqualTo(1);

            JsonNode running = fx.job(admin, id);
            assertThat(running.path("status").asText()).isEqualTo("running");
            long written = running.path("progress").path("deals").asLong();
            assertThat(written).isBetween(1L, DEALS - 1L);
            assertThat(fx.objectKeys("ws-budget")).as("nothing visible before completion").isEmpty();
            assertThat(fx.emails.to("admin@ws-budget.test")).isEmpty();

            int invocations = 1 + fx.driver.drain();
            assertThat(invocations).as("one part per invocation").isGreaterThanOrEqualTo(4);
        } finally {
            fx.driver.budget(Duration.ofMinutes(15));
        }
        JsonNode done = fx.job(admin, id);
        assertThat(done.path("status").asText()).isEqualTo("succeeded");
        assertThat(done.path("counts").path("deals").asLong()).isEqualTo(DEALS);
        assertCompleteAndTold(admin, "ws-budget", id);
    }

    @Test
    void a_lost_answer_to_the_claim_or_to_a_checkpoints_release_is_retried_and_the_export_still_finishes() {
        // The SDK retries a request whose answer was lost; DynamoDB had applied it. A retried claim
        // or release read as "busy" or "lease lost" would drop the message with the job running.
        String admin = fx.admin("ws-lost");
        fx.seedLargeDeals("ws-lost", DEALS, 16_384, 1);
        String id = fx.requestExport(admin, List.of("deals"));
        int lostBefore = LostAnswers.lost();
        fx.driver.budget(Duration.ofSeconds(1)); // one part per invocation, each ending with a release
        try {
            LostAnswers.loseNext(request -> request instanceof UpdateItemRequest update
                    && update.updateExpression().startsWith("SET #status = :running, leaseId = :lease"));
            assertThat(fx.driver.pollOnce(Duration.ZERO)).isEqualTo(1);
            assertThat(LostAnswers.lost()).as("the claim's answer was lost").isEqualTo(lostBefore + 1);
            assertThat(fx.job(admin, id).path("progress").path("deals").asLong()).as("and the claim still ran").isPositive();

            LostAnswers.loseNext(request -> request instanceof UpdateItemRequest update
                    && update.updateExpression().contains("checkpoint = :checkpoint") && update.updateExpression().contains("leaseUntil"));
            fx.driver.drain();
            assertThat(LostAnswers.lost()).as("a release's answer was lost").isEqualTo(lostBefore + 2);
        } finally {
            LostAnswers.disarm();
            fx.driver.budget(Duration.ofMinutes(15));
        }
        assertCompleteAndTold(admin, "ws-lost", id);
    }

    @Test
    void an_audit_log_export_resumes_inside_the_audit_partition_across_invocations_after_the_users_file() {
        String admin = fx.admin("ws-audit");
        fx.seedLargeAudit("ws-audit", DEALS, 16_384, 4);
        String id = fx.requestExport(admin, List.of("audit-log", "users"));
        fx.driver.budget(Duration.ofSeconds(1)); // one part per invocation: checkpoints fall inside the audit log
        int invocations;
        try {
            invocations = fx.driver.drain();
        } finally {
            fx.driver.budget(Duration.ofMinutes(15));
        }
        assertThat(invocations).as("one part per invocation").isGreaterThanOrEqualTo(4);
        JsonNode done = fx.job(admin, id);
        assertThat(done.path("status").asText()).isEqualTo("succeeded");
        byte[] zip = fx.download(admin, id);
        assertThat(ExportFixture.sha256(zip)).isEqualTo(done.path("sha256").asText());
        var files = ExportFixture.unzip(zip);
        assertThat(files.keySet()).containsExactly("users.csv", "audit-log.csv");
        // Besides the seeded records the log holds those the product wrote (the admin provisioned, the export requested).
        assertThat(done.path("counts").path("audit-log").asLong()).isEqualTo(files.get("audit-log.csv").size())
                .isGreaterThan(DEALS);
        List<String> ids = files.get("audit-log.csv").stream().map(r -> r.get("id")).toList();
        assertThat(ids.stream().filter(i -> i.matches("aud_\\d{6}")))
                .as("every seeded record once, in time order, across the resumed invocations")
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, DEALS).mapToObj(i -> String.format("aud_%06d", i)).toList());
        var last = files.get("audit-log.csv").stream().filter(r -> r.get("id").equals(String.format("aud_%06d", DEALS - 1)))
                .findFirst().orElseThrow();
        assertThat(last.get("after")).startsWith("{\"note\":\"").endsWith("\"}").hasSize(16_384 + 11);
        assertThat(fx.emails.to("admin@ws-audit.test")).hasSize(1);
        assertThat(fx.s3.listMultipartUploads(r -> r.bucket(fx.bucket)).uploads()).isEmpty();
    }

    @Test
    void a_crash_after_some_parts_leaves_no_file_and_the_retry_resumes_from_the_checkpoint_with_one_email() {
        Started export = startDealsExport("ws-crash", 2);
        String admin = export.admin();
        String id = export.ref().jobId();
        ExportRef ref = export.ref();
        Message message = export.message();

        ExportFiles crashesOnPartThree = Faults.failOnCall(ExportFiles.class, new S3ExportFiles(fx.s3, fx.bucket),
                "uploadPart", 3, () -> new IllegalStateException("injected crash while uploading part 3"));
        assertThatThrownBy(() -> worker(crashesOnPartThree, jobStore()).wake(ref, Duration.ofMinutes(15), "lease-crashing"))
                .hasMessageContaining("injected crash");

        JsonNode crashed = fx.job(admin, id);
        assertThat(crashed.path("status").asText()).isEqualTo("running");
        assertThat(crashed.path("error").asText()).contains("injected crash");
        assertThat(checkpointedParts("ws-crash", id)).isEqualTo(2);
        assertThatThrownBy(() -> fx.s3.headObject(r -> r.bucket(fx.bucket).key("exports/ws-crash/" + id + ".zip")))
                .isInstanceOf(NoSuchKeyException.class);
        assertThat(fx.emails.to("admin@ws-crash.test")).isEmpty();

        redeliverAndDrain(message);
        assertCompleteAndTold(admin, "ws-crash", id);
    }

    @Test
    void a_dynamodb_failure_saving_a_checkpoint_is_retried_from_the_previous_one_with_one_email() {
        Started export = startDealsExport("ws-ddb", 3);
        String admin = export.admin();
        String id = export.ref().jobId();
        ExportRef ref = export.ref();
        Message message = export.message();

        ExportJobStore failsSecondCheckpoint = Faults.failOnCall(ExportJobStore.class, jobStore(), "saveCheckpoint", 2,
                () -> DynamoDbException.builder().statusCode(500).message("injected: DynamoDB internal server error").build());
        assertThatThrownBy(() -> worker(new S3ExportFiles(fx.s3, fx.bucket), failsSecondCheckpoint)
                .wake(ref, Duration.ofMinutes(15), "lease-failing")).isInstanceOf(DynamoDbException.class);

        assertThat(fx.job(admin, id).path("status").asText()).isEqualTo("running");
        assertThat(checkpointedParts("ws-ddb", id)).as("the first checkpoint stands").isEqualTo(1);
        assertThat(fx.objectKeys("ws-ddb")).isEmpty();
        assertThat(fx.emails.to("admin@ws-ddb.test")).isEmpty();

        redeliverAndDrain(message);
        assertCompleteAndTold(admin, "ws-ddb", id);
    }

    /** A large deals export requested by the workspace's admin, its wake-up taken off the queue (not yet handled). */
    private record Started(String admin, ExportRef ref, Message message) {
    }

    private static Started startDealsExport(String ws, long seed) {
        String admin = fx.admin(ws);
        fx.seedLargeDeals(ws, DEALS, 16_384, seed);
        String id = fx.requestExport(admin, List.of("deals"));
        return new Started(admin, new ExportRef(ws, id), fx.receive());
    }

    /** SQS redelivers the message (its visibility ends); the real handler takes the job from its checkpoint. */
    private static void redeliverAndDrain(Message message) {
        fx.sqs.changeMessageVisibility(r -> r.queueUrl(fx.queueUrl).receiptHandle(message.receiptHandle()).visibilityTimeout(0));
        assertThat(fx.driver.drain()).isEqualTo(1);
    }

    /**
     * The job succeeded with a file that matches the store and its own SHA-256, the requester got
     * one email, and no upload is left open: had a retry started over, the first upload would be.
     */
    private static void assertCompleteAndTold(String admin, String ws, String id) {
        JsonNode done = fx.job(admin, id);
        assertThat(done.path("status").asText()).isEqualTo("succeeded");
        assertThat(done.path("error").isNull()).isTrue();
        byte[] zip = fx.download(admin, id);
        assertThat(ExportFixture.sha256(zip)).isEqualTo(done.path("sha256").asText());
        assertThat(ExportFixture.csvRows(ExportFixture.unzip(zip).get("deals.csv")))
                .isEqualTo(fx.storeRows(ws, ExportEntity.DEALS, "DEAL#"));
        assertThat(fx.emails.to("admin@" + ws + ".test")).hasSize(1);
        assertThat(fx.s3.listMultipartUploads(r -> r.bucket(fx.bucket)).uploads()).isEmpty();
        assertThat(fx.objectKeys(ws)).containsExactly("exports/" + ws + "/" + id + ".zip");
    }

    /** How many parts the job's saved checkpoint lists, read from the table. */
    private static int checkpointedParts(String ws, String id) {
        var item = fx.aws.dynamo().getItem(r -> r.tableName(fx.aws.tableName()).consistentRead(true).key(java.util.Map.of(
                "pk", AttributeValue.fromS("WS#" + ws), "sk", AttributeValue.fromS("EXPORT#" + id)))).item();
        return item.get("checkpoint").m().get("parts").l().size();
    }

    private static ExportJobStore jobStore() {
        String table = fx.aws.tableName();
        return new DynamoExportJobs(fx.aws.dynamo(), table, new DynamoAuditLog(table, new TimeOrderedIds(fx.clock, new SecureRandom())));
    }

    /** The worker on the real adapters, as the function wires it, with {@code files} and {@code jobs} possibly failing. */
    private static ExportWorker worker(ExportFiles files, ExportJobStore jobs) {
        String table = fx.aws.tableName();
        return new ExportWorker(jobs, new DynamoExportRecords(fx.aws.dynamo(), table), files,
                new SqsExportQueue(fx.sqs, fx.queueUrl),
                new SesExportMailer(fx.aws.clients().ses(), System.getProperty("SENDER_ADDRESS"), System.getProperty("APP_URL")),
                fx.clock, Integer.parseInt(System.getProperty(ExportWorkerSettings.EXPORT_PART_SIZE_BYTES)),
                Pacer.of(Integer.parseInt(System.getProperty(ExportWorkerSettings.EXPORT_PAGES_PER_SECOND))));
    }
}
