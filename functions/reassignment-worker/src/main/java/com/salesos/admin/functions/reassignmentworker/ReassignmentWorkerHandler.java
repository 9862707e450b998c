package com.salesos.admin.functions.reassignmentworker;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.salesos.admin.aws.users.ReassignmentWakeUps;
import com.salesos.admin.aws.users.SqsReassignmentQueue;
import com.salesos.admin.common.IdGenerator;
import com.salesos.admin.support.ReadOnlyWhileDeleting;
import com.salesos.admin.users.DealReassignmentWorker;
import com.salesos.admin.users.ReassignmentRef;
import com.salesos.admin.web.CurrentInvocation;
import com.salesos.admin.web.LogContext;
import com.salesos.admin.web.LogLine;
import com.salesos.admin.web.QueueRetries;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Invoked by SQS with messages from the reassignment queue (start or continue a job) and from its
 * dead-letter queue (the job failed for good: mark it failed with what had moved). Reports failed
 * messages individually (ReportBatchItemFailures) and brings a failed one back after
 * {@link QueueRetries}' backoff rather than after the queue's long visibility timeout. One JSON log line per
 * message, with ids and counts only.
 */
public class ReassignmentWorkerHandler extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {

    /** Outside Lambda (no context) a wake-up gets this much time. */
    private static final Duration DEFAULT_BUDGET = Duration.ofMinutes(5);

    // Field injection: the Lambda runtime builds this class with its no-arg constructor.
    @Inject
    DealReassignmentWorker worker;
    @Inject
    CurrentInvocation invocation;
    @Inject
    IdGenerator ids;
    @Inject
    SqsReassignmentQueue queue;
    @Inject
    ReassignmentWorkerSettings settings;
    @Inject
    ReadOnlyWhileDeleting deletions;

    public ReassignmentWorkerHandler() {
    }

    /** For tests and the local stack: the same handler on a context they configure (e.g. their clock). */
    public ReassignmentWorkerHandler(ApplicationContextBuilder builder) {
        super(builder);
    }

    @Override
    public SQSBatchResponse execute(SQSEvent event) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            long started = System.nanoTime();
            LogContext.begin(invocation.context(), null, null);
            boolean deadLetter = settings.deadLetterQueueArn().equals(message.getEventSourceArn());
            Optional<ReassignmentRef> ref = ReassignmentWakeUps.parse(message.getBody());
            ref.ifPresent(r -> LogContext.identify(r.workspaceId(), null));
            String outcome;
            try {
                if (ref.isEmpty()) {
                    outcome = "ignored: not a reassignment wake-up";
                } else if (deadLetter) {
                    outcome = summary(worker.giveUp(ref.get()));
                } else {
                    // No deal moves while the workspace's deletion is confirmed (it may still be
                    // cancelled): retried with the backoff, and in the end failed by the dead-letter path.
                    deletions.requireWritable(ref.get().workspaceId());
                    outcome = summary(worker.wake(ref.get(), timeLeft(), ids.newId("lease")));
                }
            } catch (RuntimeException e) {
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                if (!deadLetter) {
                    queue.retryAfter(message.getReceiptHandle(), QueueRetries.delay(message));
                }
                outcome = "will retry: " + e.getClass().getSimpleName();
            }
            LogLine line = LogLine.of("message").message("reassignment message: " + outcome)
                    .with("queue", deadLetter ? "reassignment-dead-letters" : "reassignments")
                    .with("messageId", message.getMessageId());
            ref.ifPresent(r -> line.with("job", r.jobId()));
            line.with("outcome", outcome).with("latencyMs", (System.nanoTime() - started) / 1_000_000).writeTo(System.out);
            LogContext.end();
        }
        return new SQSBatchResponse(failures);
    }

    /** The outcome for the log line: what happened, with counts but never deal data. */
    static String summary(DealReassignmentWorker.Outcome outcome) {
        if (outcome instanceof DealReassignmentWorker.Outcome.Finished finished) {
            return "succeeded, " + finished.job().moved() + " deals moved";
        }
        if (outcome instanceof DealReassignmentWorker.Outcome.Continued continued) {
            return "checkpointed after " + continued.movedSoFar() + " deals, continues";
        }
        if (outcome instanceof DealReassignmentWorker.Outcome.Skipped skipped) {
            return "skipped: " + skipped.why();
        }
        return "failed: " + ((DealReassignmentWorker.Outcome.Failed) outcome).reason();
    }

    private Duration timeLeft() {
        return invocation.context().map(c -> Duration.ofMillis(c.getRemainingTimeInMillis())).orElse(DEFAULT_BUDGET);
    }
}
