package com.salesos.admin.points;

import java.math.BigDecimal;

/**
 * Bounds on everything that feeds a points total. Totals are stored as DynamoDB numbers and read as
 * signed 64-bit longs; DynamoDB's {@code ADD} would count past {@link Long#MAX_VALUE} and leave a
 * user whose points can never be read again. So every input is bounded, which keeps one booking
 * small ({@link #MAX_BOOKING}), and the booking itself is conditional on the total staying at or
 * under {@link #MAX_TOTAL}, far below the long range: no sequence of accepted requests can leave it.
 */
public final class PointLimits {

    /** Points per activity type in a settings version. */
    public static final int MAX_POINTS_PER_TYPE = 10_000;
    /** The value bonus multiplier (at most two decimals). */
    public static final BigDecimal MAX_MULTIPLIER = new BigDecimal("100");
    /** An activity's value in minor units: 10^12, i.e. 10 billion in a two-decimal currency. */
    public static final long MAX_VALUE_MINOR_UNITS = 1_000_000_000_000L;
    /** A custom badge's point reward. */
    public static final long MAX_BADGE_REWARD = 10_000;
    /** The most any one booking can add: the largest base plus the largest value bonus (1,000,010,000). */
    public static final long MAX_BOOKING = MAX_POINTS_PER_TYPE
            + BigDecimal.valueOf(MAX_VALUE_MINOR_UNITS).movePointLeft(2).divide(BigDecimal.valueOf(1000))
            .multiply(MAX_MULTIPLIER).longValueExact();
    /** The ceiling of a user's total (10^15); a booking that would pass it is refused before anything is written. */
    public static final long MAX_TOTAL = 1_000_000_000_000_000L;

    private PointLimits() {
    }
}
