package com.salesos.admin.functions.exportworker;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.salesos.admin.aws.exports.ExportWakeUps;
import com.salesos.admin.aws.exports.SqsExportQueue;
import com.salesos.admin.common.IdGenerator;
import com.salesos.admin.common.MailNotSent;
import com.salesos.admin.exports.ExportRef;
import com.salesos.admin.exports.ExportWorker;
import com.salesos.admin.metrics.BusinessMetrics;
import com.salesos.admin.runtime.CurrentInvocation;
import com.salesos.admin.support.ReadOnlyWhileDeleting;
import com.salesos.admin.runtime.LogContext;
import com.salesos.admin.runtime.QueueBatch;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Invoked by SQS with messages from the export queue (build or continue a job) and from its
 * dead-letter queue (the job failed for good: mark it and tell the requester). Reports failed
 * messages individually (ReportBatchItemFailures), so one bad job never re-runs the others, and
 * brings a failed message back after a backoff (30 s doubling to 15 min) rather than after the
 * queue's long visibility timeout. Logs one JSON line per message, never record data.
 */
public class ExportWorkerHandler extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {

    /** Outside Lambda (no context) a wake-up gets this much time. */
    private static final Duration DEFAULT_BUDGET = Duration.ofMinutes(15);

    // Field injection: the Lambda runtime builds this class with its no-arg constructor.
    @Inject
    ExportWorker worker;
    @Inject
    CurrentInvocation invocation;
    @Inject
    IdGenerator ids;
    @Inject
    SqsExportQueue queue;
    @Inject
    ExportWorkerSettings settings;
    @Inject
    ReadOnlyWhileDeleting deletions;
    @Inject
    BusinessMetrics metrics;

    public ExportWorkerHandler() {
    }

    /** For tests and the local stack: the same handler on a context they configure (e.g. their clock). */
    public ExportWorkerHandler(ApplicationContextBuilder builder) {
        super(builder);
    }

    @Override
    public SQSBatchResponse execute(SQSEvent event) {
        QueueBatch.Queue<ExportRef> exports = new QueueBatch.Queue<>("export", "exports", "export-dead-letters",
                settings.deadLetterQueueArn(), ExportWakeUps::parse, ExportRef::workspaceId, "job", ExportRef::jobId);
        return new QueueBatch<>(exports, queue::retryAfter).run(event, invocation.context(), new QueueBatch.Work<>() {
            @Override
            public QueueBatch.Handled message(ExportRef ref) {
                // A job queued before its workspace's deletion was confirmed does not start or go on
                // while the deletion may still be cancelled: the message is retried with the usual
                // backoff and ends, if the deletion stays, in the dead-letter queue (job failed, requester told).
                deletions.requireWritable(ref.workspaceId());
                return counted(ref, () -> worker.wake(ref, timeLeft(), ids.newId("lease")));
            }

            @Override
            public QueueBatch.Handled deadLetter(ExportRef ref) {
                return counted(ref, () -> worker.giveUp(ref));
            }
        });
    }

    private QueueBatch.Handled counted(ExportRef ref, Supplier<ExportWorker.Outcome> run) {
        try {
            ExportWorker.Outcome outcome = run.get();
            count(outcome);
            return QueueBatch.Handled.done(summary(outcome));
        } catch (MailNotSent e) {
            // The ready or failed notice was refused; the job keeps it pending and a retry sends it.
            metrics.emailSendFailed(ref.workspaceId(), "export-notice");
            throw e;
        }
    }

    /** Finished jobs count their duration (request to finish), records and bytes; failed ones count once. */
    private void count(ExportWorker.Outcome outcome) {
        if (outcome instanceof ExportWorker.Outcome.Succeeded succeeded) {
            var job = succeeded.job();
            Duration took = Duration.between(job.createdAt(), job.finishedAt().orElse(job.createdAt()));
            long records = succeeded.result().counts().values().stream().mapToLong(Long::longValue).sum();
            metrics.exportFinished(job.workspaceId(), took, records, succeeded.result().sizeBytes());
        } else if (outcome instanceof ExportWorker.Outcome.Failed) {
            metrics.exportFailed(LogContext.current().workspaceId());
        }
    }

    /** The outcome for the log line: what happened, with counts but never record data. */
    static String summary(ExportWorker.Outcome outcome) {
        if (outcome instanceof ExportWorker.Outcome.Succeeded succeeded) {
            return "succeeded, " + succeeded.result().sizeBytes() + " bytes";
        }
        if (outcome instanceof ExportWorker.Outcome.Continued continued) {
            return "checkpointed after " + continued.partsSoFar() + " parts, continues";
        }
        if (outcome instanceof ExportWorker.Outcome.Skipped skipped) {
            return "skipped: " + skipped.why();
        }
        return "failed: " + ((ExportWorker.Outcome.Failed) outcome).reason();
    }

    private Duration timeLeft() {
        return invocation.timeLeft(DEFAULT_BUDGET);
    }

}
