package com.salesos.admin.aws.invites;

import com.salesos.admin.invites.InvitationQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/** The invitation queue (its dead-letter queue is set in template.yaml): one message per invitation email. */
public final class SqsInvitationQueue implements InvitationQueue {

    /** SQS takes at most ten messages per batch call. */
    private static final int BATCH = 10;
    /** The longest delay SQS gives a message. */
    public static final Duration MAX_DELAY = Duration.ofMinutes(15);

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsInvitationQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public Set<String> enqueue(String workspaceId, List<String> invitationIds) {
        Set<String> refused = new HashSet<>();
        for (int from = 0; from < invitationIds.size(); from += BATCH) {
            List<String> chunk = invitationIds.subList(from, Math.min(invitationIds.size(), from + BATCH));
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
                        .messageBody(InvitationEmailMessages.body(workspaceId, chunk.get(i))).build());
            }
            try {
                SendMessageBatchResponse response = sqs.sendMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
                response.failed().forEach(f -> refused.add(chunk.get(Integer.parseInt(f.id()))));
            } catch (SdkException e) {
                refused.addAll(chunk);
            }
        }
        return refused;
    }

    /**
     * Queues the email again to be tried after {@code delay} (at most 15 minutes, SQS's longest):
     * a new message, so waiting for a send window does not count as a failed receive.
     */
    public void sendLater(String workspaceId, String invitationId, Duration delay) {
        long seconds = Math.max(1, Math.min(MAX_DELAY.toSeconds(), delay.toSeconds()));
        sqs.sendMessage(r -> r.queueUrl(queueUrl).delaySeconds((int) seconds)
                .messageBody(InvitationEmailMessages.body(workspaceId, invitationId)));
    }

    /** Makes a failed message visible again after {@code delay}; best effort (the visibility timeout still applies). */
    public void retryAfter(String receiptHandle, Duration delay) {
        try {
            sqs.changeMessageVisibility(r -> r.queueUrl(queueUrl).receiptHandle(receiptHandle)
                    .visibilityTimeout((int) delay.toSeconds()));
        } catch (SdkException e) {
            // The visibility timeout brings the message back anyway.
        }
    }
}
