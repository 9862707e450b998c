package com.salesos.admin.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one backoff of the queued workers (export and reassignment). */
class QueueRetriesTest {

    private static Duration after(String receiveCount) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setAttributes(receiveCount == null ? Map.of() : Map.of("ApproximateReceiveCount", receiveCount));
        return QueueRetries.delay(message);
    }

    @Test
    void failed_attempts_come_back_after_30_seconds_doubling_up_to_15_minutes() {
        assertThat(after("1")).isEqualTo(Duration.ofSeconds(30));
        assertThat(after("2")).isEqualTo(Duration.ofMinutes(1));
        assertThat(after("3")).isEqualTo(Duration.ofMinutes(2));
        assertThat(after("5")).isEqualTo(Duration.ofMinutes(8));
        assertThat(after("6")).isEqualTo(Duration.ofMinutes(15));
        assertThat(after("99")).isEqualTo(Duration.ofMinutes(15));
        assertThat(after(null)).isEqualTo(Duration.ofSeconds(30));
    }
}
