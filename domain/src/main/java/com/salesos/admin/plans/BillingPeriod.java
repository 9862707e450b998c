package com.salesos.admin.plans;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A monthly billing period [start, end). Periods follow each other month by month (UTC) from the
 * anchor the subscription stores, so the current one can be computed at any time without a job
 * that rolls every workspace forward.
 */
public record BillingPeriod(Instant start, Instant end) {

    public BillingPeriod {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a period ends after it starts");
        }
    }

    public static BillingPeriod monthFrom(Instant start) {
        return new BillingPeriod(start, start.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant());
    }

    public BillingPeriod next() {
        return monthFrom(end);
    }

    /** The period that contains {@code now}, counting on from this one. */
    public BillingPeriod current(Instant now) {
        BillingPeriod period = this;
        while (!now.isBefore(period.end)) {
            period = period.next();
        }
        return period;
    }

    public long seconds() {
        return end.getEpochSecond() - start.getEpochSecond();
    }
}
