package com.salesos.admin.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pacing rule on a fake ticker whose sleeper moves it: units per second never above the cap. */
class PacerTest {

    long nanos = 5_000_000_000L;
    final List<Duration> sleeps = new ArrayList<>();
    final Pacer.Sleeper sleeper = d -> {
        sleeps.add(d);
        nanos += d.toNanos();
    };

    @Test
    void the_first_piece_of_work_starts_at_once_and_each_next_one_waits_for_the_units_before_it() {
        Pacer pacer = new Pacer(4, () -> nanos, sleeper); // 4 pages a second

        assertThat(pacer.pace(1)).isZero();
        assertThat(pacer.pace(1)).isEqualTo(Duration.ofMillis(250));
        nanos += 100_000_000L; // the page took 100 ms: 150 ms left to wait
        assertThat(pacer.pace(1)).isEqualTo(Duration.ofMillis(150));
        assertThat(sleeps).containsExactly(Duration.ofMillis(250), Duration.ofMillis(150));
    }

    @Test
    void work_slower_than_the_cap_never_waits() {
        Pacer pacer = new Pacer(200, () -> nanos, sleeper); // 200 deals a second
        for (int batch = 0; batch < 10; batch++) {
            assertThat(pacer.pace(97)).isZero();
            nanos += 600_000_000L; // each batch of 97 took 0.6 s, longer than its 0.485 s at the cap
        }
        assertThat(sleeps).isEmpty();
    }

    @Test
    void over_any_stretch_the_rate_stays_at_or_below_the_cap() {
        Pacer pacer = new Pacer(200, () -> nanos, sleeper);
        long start = nanos;
        int units = 0;
        for (int batch = 0; batch < 50; batch++) {
            pacer.pace(97);
            units += 97;
            nanos += 10_000_000L; // fast work: 10 ms a batch
        }
        // The last batch starts no earlier than the units before it allow at 200 a second.
        double seconds = (nanos - start) / 1e9;
        assertThat((units - 97) / seconds).isLessThanOrEqualTo(200.0);
        assertThat(units / seconds).isGreaterThan(190.0); // and not much slower than it
    }

    @Test
    void time_spent_idle_earns_no_burst_afterwards() {
        Pacer pacer = new Pacer(2, () -> nanos, sleeper);
        pacer.pace(1);
        nanos += 60_000_000_000L; // a minute without work
        assertThat(pacer.pace(1)).isZero();
        assertThat(pacer.pace(1)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void unpaced_never_waits() {
        for (int i = 0; i < 1_000; i++) {
            assertThat(Pacer.unpaced().pace(1_000_000)).isZero();
        }
    }

    @Test
    void a_pace_needs_a_positive_rate() {
        assertThatThrownBy(() -> new Pacer(0, () -> nanos, sleeper)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Pacer(-1, () -> nanos, sleeper)).isInstanceOf(IllegalArgumentException.class);
    }
}
