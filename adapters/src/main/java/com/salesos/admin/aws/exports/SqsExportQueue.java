package com.salesos.admin.aws.exports;

import com.salesos.admin.exports.ExportQueue;
import com.salesos.admin.exports.ExportRef;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Wake-ups for the export worker on the export queue (its dead-letter queue is set in template.yaml). */
public final class SqsExportQueue implements ExportQueue {

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsExportQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    /**
     * Makes a message that failed visible again after {@code delay} instead of after the queue's
     * visibility timeout (which must outlast the worker's longest run, so it is long). Best effort:
     * if this fails, the message simply comes back later.
     */
    public void retryAfter(String receiptHandle, java.time.Duration delay) {
        try {
            sqs.changeMessageVisibility(r -> r.queueUrl(queueUrl).receiptHandle(receiptHandle)
                    .visibilityTimeout((int) delay.toSeconds()));
        } catch (SdkException e) {
            // The visibility timeout still brings the message back.
        }
    }

    @Override
    public void wakeUp(ExportRef ref) {
        try {
            sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(ExportWakeUps.body(ref)));
        } catch (SdkException e) {
            throw new QueueUnavailable("SQS did not accept the wake-up: " + e.getClass().getSimpleName(), e);
        }
    }
}
