package com.salesos.admin.plans;

import java.time.Instant;

/**
 * What an upgrade costs for the rest of the period: (new price - old price) x (seconds left in the
 * period / seconds in the period), in integer minor units, rounded half up to the nearest minor
 * unit (a charge of 12.345 cents is 12 cents, 12.5 cents is 13 cents).
 */
public final class Proration {

    private Proration() {
    }

    public static Money charge(Money oldPrice, Money newPrice, BillingPeriod period, Instant now) {
        long difference = newPrice.minus(oldPrice).amount();
        long left = Math.max(0, period.end().getEpochSecond() - Math.max(now.getEpochSecond(), period.start().getEpochSecond()));
        long total = period.seconds();
        // difference * left fits in a long for any real price (< 10^12 minor units) and month (< 3 * 10^6 s).
        long numerator = Math.multiplyExact(difference, left);
        long rounded = Math.floorDiv(Math.addExact(Math.multiplyExact(numerator, 2), total), Math.multiplyExact(total, 2));
        return new Money(rounded, newPrice.currency());
    }
}
