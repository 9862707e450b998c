package com.salesos.admin.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every input that feeds a total is bounded, so one booking is small and the ceiling is far inside a long. */
class PointLimitsTest {

    @Test
    void the_largest_booking_the_bounds_allow_is_max_booking() {
        Map<ActivityType, Integer> points = new EnumMap<>(ActivityType.class);
        points.put(ActivityType.DEAL_WON, PointLimits.MAX_POINTS_PER_TYPE);
        PointSettings richest = new PointSettings(1, Instant.EPOCH, points, PointLimits.MAX_MULTIPLIER);

        PointSettings.Score score = richest.score(ActivityType.DEAL_WON, PointLimits.MAX_VALUE_MINOR_UNITS);

        assertThat(score.total()).isEqualTo(PointLimits.MAX_BOOKING).isEqualTo(1_000_010_000L);
        assertThat(PointLimits.MAX_BADGE_REWARD).isLessThanOrEqualTo(PointLimits.MAX_BOOKING);
    }

    @Test
    void a_total_at_the_ceiling_plus_the_largest_booking_still_fits_in_a_long() {
        assertThat(PointLimits.MAX_TOTAL).isEqualTo(1_000_000_000_000_000L);
        assertThat(Math.addExact(PointLimits.MAX_TOTAL, PointLimits.MAX_BOOKING)).isLessThan(Long.MAX_VALUE);
    }
}
