package com.salesos.admin.aws.users;

import com.salesos.admin.users.ReassignmentQueue;
import com.salesos.admin.users.ReassignmentRef;
import java.time.Duration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Wake-ups for the reassignment worker on its queue (the dead-letter queue is set in template.yaml). */
public final class SqsReassignmentQueue implements ReassignmentQueue {

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsReassignmentQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void wakeUp(ReassignmentRef ref) {
        try {
            sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(ReassignmentWakeUps.body(ref)));
        } catch (SdkException e) {
            throw new QueueUnavailable("SQS did not accept the wake-up: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * Makes a message that failed visible again after {@code delay} instead of after the queue's
     * visibility timeout. Best effort: if this fails, the message simply comes back later.
     */
    public void retryAfter(String receiptHandle, Duration delay) {
        try {
            sqs.changeMessageVisibility(r -> r.queueUrl(queueUrl).receiptHandle(receiptHandle)
                    .visibilityTimeout((int) delay.toSeconds()));
        } catch (SdkException e) {
            // The visibility timeout still brings the message back.
        }
    }
}
