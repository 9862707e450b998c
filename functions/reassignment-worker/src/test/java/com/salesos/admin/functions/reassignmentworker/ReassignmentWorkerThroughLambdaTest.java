package com.salesos.admin.functions.reassignmentworker;

import static com.salesos.admin.emulator.LambdaApi.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.salesos.admin.aws.audit.DynamoAuditLog;
import com.salesos.admin.aws.users.DynamoDealOwnership;
import com.salesos.admin.aws.users.DynamoDealReassignments;
import com.salesos.admin.aws.users.ReassignmentWakeUps;
import com.salesos.admin.aws.users.SqsReassignmentQueue;
import com.salesos.admin.common.Pacer;
import com.salesos.admin.emulator.EmulatorClients;
import com.salesos.admin.emulator.LambdaApi;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.LocalAwsExtension;
import com.salesos.admin.emulator.MotoServer;
import com.salesos.admin.emulator.OnMovableClock;
import com.salesos.admin.emulator.QueueDriver;
import com.salesos.admin.emulator.TestWorkspace;
import com.salesos.admin.testing.MovableClock;
import com.salesos.admin.users.DealReassignmentWorker;
import com.salesos.admin.users.ReassignmentRef;
import io.micronaut.function.aws.LambdaApplicationContextBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Background deal reassignments end to end: started through the users function (202), run by the
 * worker's real handler from the template's queues as Lambda's event source mapping would, with
 * faults injected: invocations cut short, a crash after a batch committed and the redelivery, two
 * deliveries at once, a receiver deactivated midway, a table that refuses every transaction until
 * the dead-letter queue takes the message.
 */
@ExtendWith(LocalAwsExtension.class)
class ReassignmentWorkerThroughLambdaTest {

    static LocalAws aws;
    static MovableClock clock;
    static LambdaApi api;
    static ReassignmentWorkerHandler handler;
    static QueueDriver driver;
    static SqsClient sqs;
    /** Deals a second for the handler under test: far more than these tests move. */
    static final String UNPACED = "1000000";

    @BeforeAll
    static void setUp(LocalAws localAws, MovableClock movableClock, @OnMovableClock LambdaApi lambda) {
        aws = localAws;
        clock = movableClock;
        api = lambda;
        // The template's pace (125 deals a second) would add about 40 s of sleeps to this class and
        // prove nothing here: DealReassignmentWorkerTest and PacerTest prove the pacing itself. The
        // next class's LocalAws sets the template's value again.
        System.setProperty(ReassignmentWorkerSettings.REASSIGNMENT_DEALS_PER_SECOND, UNPACED);
        handler = new ReassignmentWorkerHandler(new LambdaApplicationContextBuilder().singletons(clock));
        sqs = aws.clients().sqs();
        driver = new QueueDriver(aws.stack(), sqs, "ReassignmentWorkerFunction", handler, Duration.ZERO);
    }

    @AfterAll
    static void tearDown() {
        handler.close();
    }

    @Test
    void a_large_move_goes_on_from_its_checkpoint_across_invocations_with_progress_visible_and_an_exact_count() {
        String admin = workspace("ws-large");
        seed("ws-large", "mine", 1_500, from("ws-large"));
        seed("ws-large", "theirs", 300, other("ws-large"));
        String id = start(admin, "ws-large");

        driver.budget(Duration.ofSeconds(1)); // below the worker's reserve: one batch per invocation
        List<Long> progress = new ArrayList<>();
        try {
            while (driver.pollOnce(Duration.ZERO) > 0) {
                JsonNode job = job(admin, id);
                if (!job.path("status").asText().equals("succeeded")) {
                    assertThat(job.path("status").asText()).isEqualTo("running");
                }
                progress.add(job.path("moved").asLong());
            }
        } finally {
            driver.budget(Duration.ofMinutes(5));
        }

        assertThat(progress).hasSize(16).isSorted(); // 1,500 deals in batches of 96
        assertThat(progress.get(0)).isEqualTo(DealReassignmentWorker.BATCH);
        JsonNode done = job(admin, id);
        assertThat(done.path("status").asText()).isEqualTo("succeeded");
        assertThat(done.path("moved").asLong()).isEqualTo(1_500);
        assertThat(done.path("finishedAt").isNull()).isFalse();
        assertMovedOnceEach("ws-large", id, "mine", 1_500);
        assertThat(owned("ws-large", other("ws-large"), "theirs")).isEqualTo(300);
        assertThat(aws.dynamo().getItem(r -> r.tableName(aws.tableName()).key(Map.of("pk", AttributeValue.fromS("WS#ws-large"),
                "sk", AttributeValue.fromS("#REASSIGN_ACTIVE#" + from("ws-large"))))).hasItem()).as("the source user's slot is free again").isFalse();
    }

    @Test
    void a_crash_after_a_batch_committed_and_the_redelivered_message_move_each_deal_exactly_once() {
        String admin = workspace("ws-crash");
        seed("ws-crash", "deal", 1_200, from("ws-crash"));
        String id = start(admin, "ws-crash");
        Message message = receive();

        // The fourth batch's transaction commits, then the answer is lost (the connection drops).
        AtomicInteger transactions = new AtomicInteger();
        DynamoDbClient dropsAnAnswer = client(new ExecutionInterceptor() {
            @Override
            public void afterUnmarshalling(Context.AfterUnmarshalling context, ExecutionAttributes attributes) {
                if (context.response() instanceof TransactWriteItemsResponse && transactions.incrementAndGet() == 4) {
                    throw new IllegalStateException("injected: connection lost after the commit");
                }
            }
        });
        assertThatThrownBy(() -> worker(dropsAnAnswer).wake(ReassignmentWakeUps.parse(message.body()).orElseThrow(),
                Duration.ofMinutes(5), "lease-crashing")).hasMessageContaining("connection lost");
        JsonNode crashed = job(admin, id);
        assertThat(crashed.path("status").asText()).isEqualTo("running");
        assertThat(crashed.path("moved").asLong()).as("the lost batch counted with its commit").isEqualTo(4L * DealReassignmentWorker.BATCH);
        assertThat(crashed.path("error").asText()).contains("connection lost");

        // SQS delivers the same message again (here at once; in AWS after the visibility timeout).
        sqs.changeMessageVisibility(r -> r.queueUrl(queueUrl()).receiptHandle(message.receiptHandle()).visibilityTimeout(0));
        driver.drain();

        JsonNode done = job(admin, id);
        assertThat(done.path("status").asText()).isEqualTo("succeeded");
        assertThat(done.path("moved").asLong()).isEqualTo(1_200);
        assertThat(done.path("error").isNull()).isTrue();
        assertMovedOnceEach("ws-crash", id, "deal", 1_200);
    }

    @Test
    void two_deliveries_of_one_message_at_once_and_a_late_one_move_each_deal_once() throws Exception {
        String admin = workspace("ws-dup");
        seed("ws-dup", "deal", 1_100, from("ws-dup"));
        String id = start(admin, "ws-dup");
        Message message = receive();

        CyclicBarrier together = new CyclicBarrier(2);
        var first = CompletableFuture.supplyAsync(() -> deliver(together, message));
        var second = CompletableFuture.supplyAsync(() -> deliver(together, message));
        assertThat(first.get().getBatchItemFailures()).isEmpty();
        assertThat(second.get().getBatchItemFailures()).isEmpty();
        assertThat(handler.handleRequest(event(message), null).getBatchItemFailures()).isEmpty();
        driver.drain();

        assertThat(job(admin, id).path("moved").asLong()).isEqualTo(1_100);
        assertMovedOnceEach("ws-dup", id, "deal", 1_100);
    }

    @Test
    void an_invocation_that_died_holding_the_job_is_taken_over_once_its_lease_expires() {
        String admin = workspace("ws-dead");
        seed("ws-dead", "deal", 1_050, from("ws-dead"));
        String id = start(admin, "ws-dead");
        ReassignmentRef ref = new ReassignmentRef("ws-dead", id);
        // An invocation claimed the job and died without a word (timeout, out of memory).
        store().claim(ref, "lease-dead", clock.instant(), clock.instant().plus(Duration.ofMinutes(5)));

        driver.drain(); // the wake-up finds the job held: nothing moves, nothing fails
        assertThat(job(admin, id).path("moved").asLong()).isZero();

        clock.advance(Duration.ofMinutes(6));
        new SqsReassignmentQueue(sqs, queueUrl()).wakeUp(ref); // in AWS: the dead invocation's message, redelivered
        driver.drain();
        assertThat(job(admin, id).path("status").asText()).isEqualTo("succeeded");
        assertMovedOnceEach("ws-dead", id, "deal", 1_050);
    }

    @Test
    void a_receiver_deactivated_midway_fails_the_job_with_what_moved_and_the_rest_stays() {
        String admin = workspace("ws-gone");
        seed("ws-gone", "deal", 1_100, from("ws-gone"));
        String id = start(admin, "ws-gone");

        driver.budget(Duration.ofSeconds(1));
        try {
            driver.pollOnce(Duration.ZERO);
            driver.pollOnce(Duration.ZERO);
            assertThat(api.call("POST", "/v1/users/" + to("ws-gone") + "/deactivate", null, admin).status()).isEqualTo(200);
            driver.drain();
        } finally {
            driver.budget(Duration.ofMinutes(5));
        }

        JsonNode failed = job(admin, id);
        assertThat(failed.path("status").asText()).isEqualTo("failed");
        assertThat(failed.path("moved").asLong()).isEqualTo(2L * DealReassignmentWorker.BATCH);
        assertThat(failed.path("error").asText()).contains(to("ws-gone"), "stopped being active");
        assertThat(owned("ws-gone", to("ws-gone"), "deal")).isEqualTo(2 * DealReassignmentWorker.BATCH);
        assertThat(owned("ws-gone", from("ws-gone"), "deal")).isEqualTo(1_100 - 2 * DealReassignmentWorker.BATCH);
    }

    @Test
    void a_job_the_table_keeps_refusing_ends_in_the_dead_letter_queue_failed_with_its_last_error() {
        String admin = workspace("ws-dlq");
        seed("ws-dlq", "deal", 1_050, from("ws-dlq"));
        String id = start(admin, "ws-dlq");

        MotoServer.shared().transactionConflictRate(1.0);
        try {
            for (int receive = 1; receive <= 5; receive++) { // maxReceiveCount in template.yaml
                assertThat(driver.pollOnce(Duration.ZERO)).as("receive %d", receive).isEqualTo(1);
            }
        } finally {
            MotoServer.shared().transactionConflictRate(0);
        }
        JsonNode retrying = job(admin, id);
        assertThat(retrying.path("status").asText()).isEqualTo("running");
        assertThat(retrying.path("error").asText()).contains("TransactionCanceled");

        assertThat(driver.drain()).as("the dead-letter delivery").isEqualTo(1);

        JsonNode failed = job(admin, id);
        assertThat(failed.path("status").asText()).isEqualTo("failed");
        assertThat(failed.path("moved").asLong()).isZero();
        assertThat(failed.path("error").asText()).contains("failed repeatedly", "after moving 0 deals", "TransactionCanceled");
        assertThat(owned("ws-dlq", from("ws-dlq"), "deal")).isEqualTo(1_050);
        assertThat(start(admin, "ws-dlq")).as("the source user's slot is free again").isNotEqualTo(id);
        driver.drain();
    }

    // ------------------------------------------------------------------ fixture

    /** A workspace with an Admin, the source user, the receiver and another user; answers the Admin's subject. */
    private static String workspace(String ws) {
        return TestWorkspace.on(aws, ws).tier("team").seatLimit(10)
                .user("usr_admin", "admin@" + ws + ".test", "Admin", "admin")
                .user(from(ws), "from@" + ws + ".test", "From", "sales-rep")
                .user(to(ws), "to@" + ws + ".test", "To", "sales-rep")
                .user(other(ws), "other@" + ws + ".test", "Other", "sales-rep")
                .build().user("usr_admin").subject();
    }

    /*
     * User ids of one workspace, as unique across workspaces as real ones are (time plus random
     * bits). One id in every workspace would put all the class's deals under one owner-index
     * partition, and each worker's walk would page through the other workspaces' entries too (it
     * skips them: OwnerIndexTest covers that case).
     */
    private static String from(String ws) {
        return "usr_from_" + ws.substring("ws-".length());
    }

    private static String to(String ws) {
        return "usr_to_" + ws.substring("ws-".length());
    }

    private static String other(String ws) {
        return "usr_other_" + ws.substring("ws-".length());
    }

    private static String start(String admin, String ws) {
        var started = api.call("POST", "/v1/users/" + from(ws) + "/reassign-deals", json("toUserId", to(ws)), admin);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        return started.json().path("id").asText();
    }

    private static JsonNode job(String admin, String id) {
        var response = api.call("GET", "/v1/deal-reassignments/" + id, null, admin);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** Every deal of the prefix now with the receiver, each in exactly one audit record of this job. */
    private static void assertMovedOnceEach(String ws, String id, String prefix, int count) {
        assertThat(owned(ws, to(ws), prefix)).isEqualTo(count);
        assertThat(owned(ws, from(ws), prefix)).isZero();
        List<String> audited = new ArrayList<>();
        aws.dynamo().queryPaginator(r -> r.tableName(aws.tableName()).keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("WS#" + ws + "#AUDIT")))).items().forEach(item -> {
            Map<String, AttributeValue> after = item.get("after").m();
            if (after.containsKey("reassignmentId") && after.get("reassignmentId").s().equals(id)) {
                assertThat(item.get("actor").s()).isEqualTo("usr_admin");
                after.get("dealIds").l().forEach(v -> audited.add(v.s()));
            }
        });
        assertThat(audited).doesNotHaveDuplicates().hasSize(count);
    }

    private static long owned(String ws, String owner, String prefix) {
        return aws.dynamo().queryPaginator(r -> r.tableName(aws.tableName())
                        .keyConditionExpression("pk = :p and begins_with(sk, :s)")
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("WS#" + ws),
                                ":s", AttributeValue.fromS("DEAL#" + prefix + "-"))))
                .items().stream().filter(i -> owner.equals(i.get("ownerUserId").s())).count();
    }

    /** CRM deals written straight into the table, 25 per batch. */
    private static void seed(String ws, String prefix, int count, String owner) {
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("pk", AttributeValue.fromS("WS#" + ws));
            item.put("sk", AttributeValue.fromS("DEAL#" + prefix + "-" + i));
            item.put("type", AttributeValue.fromS("deal"));
            item.put("id", AttributeValue.fromS(prefix + "-" + i));
            item.put("name", AttributeValue.fromS("Deal " + i));
            item.put("ownerUserId", AttributeValue.fromS(owner));
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            if (batch.size() == 25 || i == count - 1) {
                List<WriteRequest> chunk = List.copyOf(batch);
                aws.dynamo().batchWriteItem(r -> r.requestItems(Map.of(aws.tableName(), chunk)));
                batch.clear();
            }
        }
    }

    private static String queueUrl() {
        return aws.stack().physicalId("ReassignmentQueue");
    }

    /** Takes the next wake-up off the queue without deleting it (as Lambda's poller would). */
    private static Message receive() {
        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl()).maxNumberOfMessages(1)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    private static SQSEvent event(Message message) {
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId(message.messageId());
        record.setReceiptHandle(message.receiptHandle());
        record.setBody(message.body());
        record.setAttributes(Map.of("ApproximateReceiveCount", "1"));
        record.setEventSource("aws:sqs");
        record.setEventSourceArn(aws.stack().physicalId("ReassignmentQueue.Arn"));
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(record));
        return event;
    }

    private static com.amazonaws.services.lambda.runtime.events.SQSBatchResponse deliver(CyclicBarrier together, Message message) {
        try {
            together.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return handler.handleRequest(event(message), null);
    }

    private static DynamoDealReassignments store() {
        return new DynamoDealReassignments(aws.dynamo(), aws.tableName(), audit());
    }

    /** The worker as the handler wires it, on a client of the test's choosing (for faults). */
    private static DealReassignmentWorker worker(DynamoDbClient dynamo) {
        return new DealReassignmentWorker(new DynamoDealReassignments(dynamo, aws.tableName(), audit()),
                new DynamoDealOwnership(dynamo, aws.tableName(), audit()), new SqsReassignmentQueue(sqs, queueUrl()),
                Pacer.of(1_000_000), clock);
    }

    private static DynamoAuditLog audit() {
        AtomicLong ids = new AtomicLong();
        return new DynamoAuditLog(aws.tableName(), prefix -> prefix + "_test_" + System.nanoTime() + "_" + ids.incrementAndGet());
    }

    private static DynamoDbClient client(ExecutionInterceptor fault) {
        return DynamoDbClient.builder().endpointOverride(aws.clients().endpoint()).region(Region.of(LocalAws.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        EmulatorClients.ACCESS_KEY, EmulatorClients.SECRET_KEY)))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c.addExecutionInterceptor(fault)).build();
    }
}
