package com.salesos.admin.functions.invitationsender;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.salesos.admin.aws.invites.InvitationEmailMessages;
import com.salesos.admin.aws.invites.SqsInvitationQueue;
import com.salesos.admin.invites.InvitationDelivery;
import com.salesos.admin.invites.InvitationDelivery.Outcome;
import com.salesos.admin.metrics.BusinessMetrics;
import com.salesos.admin.runtime.CurrentInvocation;
import com.salesos.admin.runtime.QueueBatch;
import com.salesos.admin.common.Pacer;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
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
        QueueBatch.Queue<InvitationEmailMessages.Ref> emails = new QueueBatch.Queue<>("invitation email", "invitations",
                "invitation-dead-letters", settings.deadLetterQueueArn(), InvitationEmailMessages::parse,
                InvitationEmailMessages.Ref::workspaceId, "invitation", InvitationEmailMessages.Ref::invitationId);
        return new QueueBatch<>(emails, queue::retryAfter).run(event, invocation.context(), new QueueBatch.Work<>() {
            @Override
            public QueueBatch.Handled message(InvitationEmailMessages.Ref ref) {
                pace.pace(1);
                return handle(ref, delivery.deliver(ref.workspaceId(), ref.invitationId()));
            }

            @Override
            public QueueBatch.Handled deadLetter(InvitationEmailMessages.Ref ref) {
                delivery.giveUp(ref.workspaceId(), ref.invitationId());
                metrics.invitationFailed(ref.workspaceId());
                return QueueBatch.Handled.done("gave up: marked failed");
            }

            @Override
            public void retrying(Optional<InvitationEmailMessages.Ref> ref) {
                ref.ifPresent(r -> metrics.emailSendFailed(r.workspaceId(), "invitation"));
            }
        });
    }

    private QueueBatch.Handled handle(InvitationEmailMessages.Ref ref, Outcome outcome) {
        if (outcome instanceof Outcome.Sent) {
            metrics.invitationSent(ref.workspaceId());
            return QueueBatch.Handled.done("sent");
        }
        if (outcome instanceof Outcome.Skipped skipped) {
            return QueueBatch.Handled.done("skipped: " + skipped.why());
        }
        if (outcome instanceof Outcome.Deferred deferred) {
            queue.sendLater(ref.workspaceId(), ref.invitationId(), Duration.between(clock.instant(), deferred.retryAt()));
            return QueueBatch.Handled.done("deferred: send limit reached until " + deferred.retryAt());
        }
        return QueueBatch.Handled.retry("will retry: " + ((Outcome.Failed) outcome).reason());
    }
}
