package com.salesos.admin.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The frame a queued worker runs each message of an SQS batch in, so the workers differ only in
 * what they do with a message: its log context (the invocation, then the workspace the message
 * names), a delivery from the dead-letter queue told apart by its source, a message to retry
 * reported as a batch item failure (Lambda redelivers only that one) and brought back after
 * {@link QueueRetries#delay} instead of the long visibility timeout, and one JSON log line per
 * message with its outcome, never its data.
 *
 * @param <R> what a message refers to (a job, an invitation), as parsed from its body
 */
public final class QueueBatch<R> {

    /** What a worker did with one message: the outcome for the log, and whether to retry it. */
    public record Handled(String outcome, boolean retry) {

        public static Handled done(String outcome) {
            return new Handled(outcome, false);
        }

        public static Handled retry(String outcome) {
            return new Handled(outcome, true);
        }
    }

    /** The worker's part. Throwing retries the message, as {@link Handled#retry} does. */
    public interface Work<R> {

        Handled message(R ref);

        Handled deadLetter(R ref);

        /** Before a message is retried (a metric, say); {@code ref} is empty for a body that was not read. */
        default void retrying(Optional<R> ref) {
        }
    }

    /**
     * How the messages of one queue are read and named.
     *
     * @param kind            the log message's prefix, e.g. "export" for "export message: ..."
     * @param queue           the queue's name in the log
     * @param deadLetterQueue the dead-letter queue's name in the log
     * @param deadLetterArn   the dead-letter queue, whose deliveries are given up
     * @param parse           the reference a body carries, empty for a body that is none of ours (ignored)
     * @param workspaceId     the workspace the reference belongs to, for the log context
     * @param idField         the log field naming the reference
     * @param id              the reference's id for that field
     */
    public record Queue<R>(String kind, String queue, String deadLetterQueue, String deadLetterArn,
                           Function<String, Optional<R>> parse, Function<R, String> workspaceId, String idField,
                           Function<R, String> id) {
    }

    private final Queue<R> queue;
    private final BiConsumer<String, Duration> retryAfter;

    /** {@code retryAfter} changes a message's visibility: receipt handle, delay. */
    public QueueBatch(Queue<R> queue, BiConsumer<String, Duration> retryAfter) {
        this.queue = queue;
        this.retryAfter = retryAfter;
    }

    public SQSBatchResponse run(SQSEvent event, Optional<Context> invocation, Work<R> work) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            long started = System.nanoTime();
            LogContext.begin(invocation, null, null);
            boolean deadLetter = queue.deadLetterArn().equals(message.getEventSourceArn());
            Optional<R> ref = queue.parse().apply(message.getBody());
            ref.ifPresent(r -> LogContext.identify(queue.workspaceId().apply(r), null));
            Handled handled;
            try {
                handled = ref.isEmpty() ? Handled.done("ignored: no " + queue.kind() + " message in the body")
                        : deadLetter ? work.deadLetter(ref.get()) : work.message(ref.get());
            } catch (RuntimeException e) {
                handled = Handled.retry("will retry: " + e.getClass().getSimpleName());
            }
            if (handled.retry()) {
                work.retrying(ref);
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                if (!deadLetter) {
                    retryAfter.accept(message.getReceiptHandle(), QueueRetries.delay(message));
                }
            }
            LogLine line = LogLine.of("message").message(queue.kind() + " message: " + handled.outcome())
                    .with("queue", deadLetter ? queue.deadLetterQueue() : queue.queue())
                    .with("messageId", message.getMessageId());
            ref.ifPresent(r -> line.with(queue.idField(), queue.id().apply(r)));
            line.with("outcome", handled.outcome()).with("latencyMs", (System.nanoTime() - started) / 1_000_000)
                    .writeTo(System.out);
            LogContext.end();
        }
        return new SQSBatchResponse(failures);
    }
}
