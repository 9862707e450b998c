package com.salesos.admin.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The frame of every queued worker: which messages come back, when, and what is logged. */
class QueueBatchTest {

    static final String DLQ = "arn:aws:sqs:eu-west-1:000000000000:jobs-dlq";
    static final String QUEUE = "arn:aws:sqs:eu-west-1:000000000000:jobs";

    record Job(String workspaceId, String id) {
    }

    final List<String> retried = new ArrayList<>();
    final List<String> handled = new ArrayList<>();
    final List<Optional<Job>> retrying = new ArrayList<>();
    final QueueBatch<Job> batch = new QueueBatch<>(new QueueBatch.Queue<>("job", "jobs", "job-dead-letters", DLQ,
            body -> body.startsWith("job:") ? Optional.of(new Job("ws-1", body.substring(4))) : Optional.empty(),
            Job::workspaceId, "job", Job::id), (receipt, delay) -> retried.add(receipt + " after " + delay));

    final QueueBatch.Work<Job> work = new QueueBatch.Work<>() {
        @Override
        public QueueBatch.Handled message(Job job) {
            handled.add("message " + job.id());
            return switch (job.id()) {
                case "boom" -> throw new IllegalStateException("secret detail");
                case "later" -> QueueBatch.Handled.retry("will retry: refused");
                default -> QueueBatch.Handled.done("done");
            };
        }

        @Override
        public QueueBatch.Handled deadLetter(Job job) {
            handled.add("dead letter " + job.id());
            if (job.id().equals("boom")) {
                throw new IllegalStateException("down");
            }
            return QueueBatch.Handled.done("gave up");
        }

        @Override
        public void retrying(Optional<Job> job) {
            retrying.add(job);
        }
    };

    @Test
    void only_the_messages_to_retry_come_back_and_those_of_the_queue_after_the_backoff_of_their_receive_count() {
        List<String> lines = new ArrayList<>();
        SQSBatchResponse response = capture(lines, () -> batch.run(event(
                message("m1", "job:ok", QUEUE, 1),
                message("m2", "job:boom", QUEUE, 1),
                message("m3", "job:later", QUEUE, 3),
                message("m4", "not ours", QUEUE, 1),
                message("m5", "job:boom", DLQ, 1),
                message("m6", "job:ok", DLQ, 1)), Optional.empty(), work));

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("m2", "m3", "m5");
        assertThat(retried).as("a dead-letter delivery is not delayed: its queue has no redrive")
                .containsExactly("receipt-m2 after " + Duration.ofSeconds(30), "receipt-m3 after " + Duration.ofMinutes(2));
        assertThat(retrying).containsExactly(Optional.of(new Job("ws-1", "boom")), Optional.of(new Job("ws-1", "later")),
                Optional.of(new Job("ws-1", "boom")));
        assertThat(handled).containsExactly("message ok", "message boom", "message later", "dead letter boom", "dead letter ok");
        assertThat(lines).hasSize(6);
        assertThat(lines.get(1)).contains("\"queue\":\"jobs\"", "\"job\":\"boom\"", "will retry: IllegalStateException",
                "\"workspaceId\":\"ws-1\"").doesNotContain("secret detail");
        assertThat(lines.get(3)).contains("ignored: no job message in the body").doesNotContain("not ours");
        assertThat(lines.get(5)).contains("\"queue\":\"job-dead-letters\"", "gave up");
    }

    static SQSBatchResponse capture(List<String> lines, java.util.function.Supplier<SQSBatchResponse> run) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            return run.get();
        } finally {
            System.setOut(original);
            out.toString(StandardCharsets.UTF_8).lines().forEach(lines::add);
        }
    }

    static SQSEvent event(SQSEvent.SQSMessage... messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(messages));
        return event;
    }

    static SQSEvent.SQSMessage message(String id, String body, String source, int receiveCount) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(id);
        message.setBody(body);
        message.setEventSourceArn(source);
        message.setReceiptHandle("receipt-" + id);
        message.setAttributes(Map.of("ApproximateReceiveCount", String.valueOf(receiveCount)));
        return message;
    }
}
