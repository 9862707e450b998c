package com.salesos.admin.local;

import com.salesos.admin.emulator.ProvisionedStack;
import com.salesos.admin.emulator.QueueDriver;
import com.salesos.admin.functions.exportworker.ExportWorkerHandler;
import com.salesos.admin.functions.invitationsender.InvitationSenderHandler;
import io.micronaut.function.aws.LambdaApplicationContextBuilder;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Plays Lambda's SQS event source mapping locally: long-polls the export queue and the invitation
 * queue (and their dead-letter queues) and invokes the export worker's or the invitation sender's
 * handler class with what arrives. A failed message is retried after {@link #RETRY_DELAY} (in
 * AWS: after the handler's backoff or the queue's visibility timeout).
 */
final class QueuedJobs implements AutoCloseable {

    static final Duration RETRY_DELAY = Duration.ofSeconds(5);

    private final ExportWorkerHandler handler;
    private final InvitationSenderHandler sender;
    private final SqsClient sqs;
    private final QueueDriver driver;
    private final QueueDriver emails;
    private final Thread poller;
    private volatile boolean running = true;

    QueuedJobs(ProvisionedStack stack, SqsClient sqs, Clock clock) {
        this.handler = new ExportWorkerHandler(new LambdaApplicationContextBuilder().singletons(clock));
        this.sqs = sqs;
        this.driver = new QueueDriver(stack, sqs, "ExportWorkerFunction", handler, RETRY_DELAY);
        this.sender = new InvitationSenderHandler(new LambdaApplicationContextBuilder().singletons(clock));
        this.emails = new QueueDriver(stack, sqs, "InvitationSenderFunction", sender, RETRY_DELAY);
        this.poller = new Thread(this::poll, "local-queues");
        this.poller.setDaemon(true);
    }

    void start() {
        poller.start();
    }

    private void poll() {
        while (running) {
            try {
                driver.pollOnce(Duration.ofSeconds(1));
                emails.pollOnce(Duration.ZERO);
            } catch (RuntimeException e) {
                if (running) {
                    System.err.println("queue poll failed: " + e);
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
        sender.close();
        sqs.close();
    }
}
