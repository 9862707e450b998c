package com.salesos.admin.functions.deletionworker;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.salesos.admin.support.DeletionWorker;
import com.salesos.admin.support.PurgeCounts;
import com.salesos.admin.runtime.CurrentInvocation;
import com.salesos.admin.runtime.LogLine;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Invoked by SQS with executed deletions ({@code {"deletionRequestId": "..."}}). Each message works
 * on the deletion until a minute before the invocation's time is up; a deletion that needs more
 * saves its progress and queues a fresh message for the next invocation (rather than failing this
 * one and waiting for redelivery, which would count towards the dead-letter queue's five receives
 * however well it went). A message that fails is reported on its own (ReportBatchItemFailures) and
 * comes back to resume where the table says it got to; after five failures it waits in the
 * dead-letter queue for an operator. One JSON log line per message, with ids and counts only.
 */
public class DeletionWorkerHandler extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Pattern BODY = Pattern.compile("^\\{\"deletionRequestId\":\"([A-Za-z0-9_-]{1,64})\"}$");

    // Field injection: the Lambda runtime builds this class with its no-arg constructor.
    /** Outside Lambda (no context) a message gets this much time, the function's timeout. */
    private static final Duration DEFAULT_BUDGET = Duration.ofMinutes(15);

    @Inject
    DeletionWorker worker;
    @Inject
    CurrentInvocation invocation;

    public DeletionWorkerHandler() {
    }

    /** For tests and the local stack: the same handler on a context they configure (e.g. their clock). */
    public DeletionWorkerHandler(ApplicationContextBuilder builder) {
        super(builder);
    }

    @Override
    public SQSBatchResponse execute(SQSEvent event) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            long started = System.nanoTime();
            Optional<String> requestId = requestId(message.getBody());
            String outcome;
            try {
                outcome = requestId.map(id -> summary(worker.run(id, timeLeft()))).orElse("ignored: not a deletion message");
            } catch (RuntimeException e) {
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                outcome = "will retry: " + e.getClass().getSimpleName();
            }
            LogLine line = LogLine.of("message").message("deletion message: " + outcome).with("queue", "deletions")
                    .with("messageId", message.getMessageId());
            requestId.ifPresent(id -> line.with("deletionRequest", id));
            line.with("outcome", outcome).with("latencyMs", (System.nanoTime() - started) / 1_000_000).writeTo(System.out);
        }
        return new SQSBatchResponse(failures);
    }

    static Optional<String> requestId(String body) {
        Matcher matcher = BODY.matcher(body == null ? "" : body.strip());
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    static String summary(DeletionWorker.Outcome outcome) {
        if (outcome instanceof DeletionWorker.Outcome.Finished finished) {
            return "done: " + counts(finished.deleted());
        }
        if (outcome instanceof DeletionWorker.Outcome.Continued continued) {
            return "continues in the next invocation at " + continued.step() + ", so far " + counts(continued.soFar());
        }
        return "skipped: " + ((DeletionWorker.Outcome.Skipped) outcome).why();
    }

    private static String counts(PurgeCounts counts) {
        return counts.accounts() + " accounts, " + counts.objects() + " objects, " + counts.uploads() + " uploads, "
                + counts.items() + " items deleted";
    }

    private Duration timeLeft() {
        return invocation.timeLeft(DEFAULT_BUDGET);
    }
}
