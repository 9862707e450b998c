package com.salesos.admin.runtime;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;

/**
 * When a queued job's failed message comes back: 30 s after the first receive, doubling up to 15
 * minutes, instead of after the queue's visibility timeout (which must outlast the worker's longest
 * run, so it is long). The workers set it with ChangeMessageVisibility; after maxReceiveCount SQS
 * moves the message to the dead-letter queue.
 */
public final class QueueRetries {

    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration LAST_RETRY = Duration.ofMinutes(15);

    private QueueRetries() {
    }

    /** Exponential backoff on the message's receive count. */
    public static Duration delay(SQSEvent.SQSMessage message) {
        String received = message.getAttributes() == null ? null : message.getAttributes().get("ApproximateReceiveCount");
        int attempt = received == null ? 1 : Math.max(1, Math.min(10, Integer.parseInt(received)));
        Duration delay = FIRST_RETRY.multipliedBy(1L << (attempt - 1));
        return delay.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : delay;
    }
}
