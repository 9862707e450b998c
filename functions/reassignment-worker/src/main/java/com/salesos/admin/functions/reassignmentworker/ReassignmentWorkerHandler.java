package com.salesos.admin.functions.reassignmentworker;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.salesos.admin.aws.users.ReassignmentWakeUps;
import com.salesos.admin.aws.users.SqsReassignmentQueue;
import com.salesos.admin.common.IdGenerator;
import com.salesos.admin.support.ReadOnlyWhileDeleting;
import com.salesos.admin.users.DealReassignmentWorker;
import com.salesos.admin.users.ReassignmentRef;
import com.salesos.admin.runtime.CurrentInvocation;
import com.salesos.admin.runtime.QueueBatch;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Invoked by SQS with messages from the reassignment queue (start or continue a job) and from its
 * dead-letter queue (the job failed for good: mark it failed with what had moved). Reports failed
 * messages individually (ReportBatchItemFailures) and brings a failed one back after
 * {@link com.salesos.admin.runtime.QueueRetries}' backoff ({@link QueueBatch}) rather than after the queue's long visibility timeout. One JSON log line per
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
        QueueBatch.Queue<ReassignmentRef> reassignments = new QueueBatch.Queue<>("reassignment", "reassignments",
                "reassignment-dead-letters", settings.deadLetterQueueArn(), ReassignmentWakeUps::parse,
                ReassignmentRef::workspaceId, "job", ReassignmentRef::jobId);
        return new QueueBatch<>(reassignments, queue::retryAfter).run(event, invocation.context(), new QueueBatch.Work<>() {
            @Override
            public QueueBatch.Handled message(ReassignmentRef ref) {
                // No deal moves while the workspace's deletion is confirmed (it may still be
                // cancelled): retried with the backoff, and in the end failed by the dead-letter path.
                deletions.requireWritable(ref.workspaceId());
                return QueueBatch.Handled.done(summary(worker.wake(ref, timeLeft(), ids.newId("lease"))));
            }

            @Override
            public QueueBatch.Handled deadLetter(ReassignmentRef ref) {
                return QueueBatch.Handled.done(summary(worker.giveUp(ref)));
            }
        });
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
        return invocation.timeLeft(DEFAULT_BUDGET);
    }
}
