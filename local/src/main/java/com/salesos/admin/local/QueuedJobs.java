package com.salesos.admin.local;

import com.salesos.admin.emulator.ProvisionedStack;
import com.salesos.admin.emulator.QueueDriver;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.salesos.admin.functions.deletionworker.DeletionWorkerHandler;
import com.salesos.admin.functions.exportworker.ExportWorkerHandler;
import com.salesos.admin.functions.invitationsender.InvitationSenderHandler;
import com.salesos.admin.functions.reassignmentworker.ReassignmentWorkerHandler;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.micronaut.function.aws.LambdaApplicationContextBuilder;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Plays Lambda's SQS event source mapping locally: long-polls a queue worker's queues (the export
 * queue and its dead-letter queue; the deletion queue; the invitation queue and its dead-letter queue; the reassignment queue and its dead-letter queue) and invokes the worker's handler class with
 * what arrives. A failed message is retried after {@link #RETRY_DELAY} (in AWS: after the queue's
 * visibility timeout).
 */
final class QueuedJobs implements AutoCloseable {

    static final Duration RETRY_DELAY = Duration.ofSeconds(5);

    private final MicronautRequestHandler<SQSEvent, SQSBatchResponse> handler;
    private final SqsClient sqs;
    private final QueueDriver driver;
    private final Thread poller;
    private volatile boolean running = true;

    QueuedJobs(ProvisionedStack stack, SqsClient sqs, Clock clock) {
        this(stack, sqs, "ExportWorkerFunction", new ExportWorkerHandler(new LambdaApplicationContextBuilder().singletons(clock)));
    }

    /** The deletion worker's queue: executed workspace deletions run as soon as support executes them. */
    static QueuedJobs deletions(ProvisionedStack stack, SqsClient sqs, Clock clock) {
        return new QueuedJobs(stack, sqs, "DeletionWorkerFunction",
                new DeletionWorkerHandler(new LambdaApplicationContextBuilder().singletons(clock)));
    }

    /** The invitation sender's queues: bulk invitations' emails go out as soon as they are queued. */
    static QueuedJobs invitationEmails(ProvisionedStack stack, SqsClient sqs, Clock clock) {
        return new QueuedJobs(stack, sqs, "InvitationSenderFunction",
                new InvitationSenderHandler(new LambdaApplicationContextBuilder().singletons(clock)));
    }

    /** The reassignment worker's queue: large deal reassignments run as soon as they are started. */
    static QueuedJobs reassignments(ProvisionedStack stack, SqsClient sqs, Clock clock) {
        return new QueuedJobs(stack, sqs, "ReassignmentWorkerFunction",
                new ReassignmentWorkerHandler(new LambdaApplicationContextBuilder().singletons(clock)));
    }

    private QueuedJobs(ProvisionedStack stack, SqsClient sqs, String functionLogicalId,
                       MicronautRequestHandler<SQSEvent, SQSBatchResponse> handler) {
        this.handler = handler;
        this.sqs = sqs;
        this.driver = new QueueDriver(stack, sqs, functionLogicalId, handler, RETRY_DELAY);
        this.poller = new Thread(this::poll, "local-queue-" + functionLogicalId);
        this.poller.setDaemon(true);
    }

    void start() {
        poller.start();
    }

    private void poll() {
        while (running) {
            try {
                driver.pollOnce(Duration.ofSeconds(1));
            } catch (RuntimeException e) {
                if (running) {
                    System.err.println(poller.getName() + " poll failed: " + e);
                    sleep();
                }
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        poller.interrupt();
        handler.close();
        sqs.close();
    }
}
