package com.salesos.admin.aws.support;

import com.salesos.admin.support.DeletionExecution;
import com.salesos.admin.support.DeletionRequest;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Starts a deletion by sending its request id to the deletion queue (the worker's; its dead-letter
 * queue is set in template.yaml). The message carries nothing but the id: the worker reads the
 * request, and resumes from where the table says it got to.
 */
public final class SqsDeletionExecution implements DeletionExecution {

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsDeletionExecution(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void start(DeletionRequest running) {
        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody("{\"deletionRequestId\":\"" + running.id() + "\"}"));
    }
}
