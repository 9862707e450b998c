package com.salesos.admin.aws;

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

    @Override
    public void wakeUp(ExportRef ref) {
        try {
            sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(ExportWakeUps.body(ref)));
        } catch (SdkException e) {
            throw new QueueUnavailable("SQS did not accept the wake-up: " + e.getClass().getSimpleName(), e);
        }
    }
}
