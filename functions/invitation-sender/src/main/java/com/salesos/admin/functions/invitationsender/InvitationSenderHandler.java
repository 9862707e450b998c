package com.salesos.admin.functions.invitationsender;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.salesos.admin.aws.invites.InvitationEmailMessages;
import com.salesos.admin.aws.invites.SqsInvitationQueue;
import com.salesos.admin.invites.InvitationDelivery;
import com.salesos.admin.invites.InvitationDelivery.Outcome;
import com.salesos.admin.metrics.BusinessMetrics;
import com.salesos.admin.web.CurrentInvocation;
import com.salesos.admin.web.LogContext;
import com.salesos.admin.web.LogLine;
import com.salesos.admin.web.QueueRetries;
import com.salesos.admin.common.Pacer;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Invoked by SQS with messages from the invitation queue (send one invitation email) and from its
 * dead-letter queue (the email failed for good: mark it failed). Sends at most its share of the
 * SES send rate (a {@link Pacer} of one unit per email); an email over a send limit is queued again for when the window
 * ends (a new, delayed message: waiting is not failing); an email SES refused is retried after a
 * backoff, and reported failed item by item (ReportBatchItemFailures). One JSON line per message,
 * never an address or a link.
 */
public class InvitationSenderHandler extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {

    // Field injection: the Lambda runtime builds this class with its no-arg constructor.
    @Inject
    InvitationDelivery delivery;
    @Inject
    SqsInvitationQueue queue;
    @Inject
    Pacer pace;
    @Inject
    Clock clock;
    @Inject
    InvitationSenderSettings settings;
    @Inject
    CurrentInvocation invocation;
    @Inject
    BusinessMetrics metrics;

    public InvitationSenderHandler() {
    }

    /** For tests and the local stack: the same handler on a context they configure (e.g. their clock). */
    public InvitationSenderHandler(ApplicationContextBuilder builder) {
        super(builder);
    }

    @Override
    public SQSBatchResponse execute(SQSEvent event) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            long started = System.nanoTime();
            LogContext.begin(invocation.context(), null, null);
            boolean deadLetter = settings.deadLetterQueueArn().equals(message.getEventSourceArn());
            Optional<InvitationEmailMessages.Ref> ref = InvitationEmailMessages.parse(message.getBody());
            ref.ifPresent(r -> LogContext.identify(r.workspaceId(), null));
            String outcome;
            try {
                if (ref.isEmpty()) {
                    outcome = "ignored: not an invitation email";
                } else if (deadLetter) {
                    delivery.giveUp(ref.get().workspaceId(), ref.get().invitationId());
                    metrics.invitationFailed(ref.get().workspaceId());
                    outcome = "gave up: marked failed";
                } else {
                    pace.pace(1);
                    outcome = handle(ref.get(), delivery.deliver(ref.get().workspaceId(), ref.get().invitationId()));
                }
            } catch (RuntimeException e) {
                outcome = "will retry: " + e.getClass().getSimpleName();
            }
            if (outcome.startsWith("will retry")) {
                ref.ifPresent(r -> metrics.emailSendFailed(r.workspaceId(), "invitation"));
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                if (!deadLetter) {
                    queue.retryAfter(message.getReceiptHandle(), QueueRetries.delay(message));
                }
            }
            log(message, deadLetter, ref, outcome, started);
            LogContext.end();
        }
        return new SQSBatchResponse(failures);
    }

    private String handle(InvitationEmailMessages.Ref ref, Outcome outcome) {
        if (outcome instanceof Outcome.Sent) {
            metrics.invitationSent(ref.workspaceId());
            return "sent";
        }
        if (outcome instanceof Outcome.Skipped skipped) {
            return "skipped: " + skipped.why();
        }
        if (outcome instanceof Outcome.Deferred deferred) {
            queue.sendLater(ref.workspaceId(), ref.invitationId(), Duration.between(clock.instant(), deferred.retryAt()));
            return "deferred: send limit reached until " + deferred.retryAt();
        }
        return "will retry: " + ((Outcome.Failed) outcome).reason();
    }

    private static void log(SQSEvent.SQSMessage message, boolean deadLetter, Optional<InvitationEmailMessages.Ref> ref,
                            String outcome, long started) {
        LogLine line = LogLine.of("message").message("invitation email message: " + outcome)
                .with("queue", deadLetter ? "invitation-dead-letters" : "invitations")
                .with("messageId", message.getMessageId());
        ref.ifPresent(r -> line.with("invitation", r.invitationId()));
        line.with("outcome", outcome).with("latencyMs", (System.nanoTime() - started) / 1_000_000).writeTo(System.out);
    }
}
