package com.salesos.admin.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** (new - old) x seconds left / seconds in the period, in cents, rounded half up. */
class ProrationTest {

    @ParameterizedTest(name = "{0}: {3} -> {4} at {2} = {5}")
    @CsvSource({
            // case,                          period start,          now,                   old,   new,    charge
            "start of the period,             2026-03-01T00:00:00Z, 2026-03-01T00:00:00Z,  9900, 39900, 30000",
            "middle of a 30-day month,        2026-04-01T00:00:00Z, 2026-04-16T00:00:00Z,  9900, 39900, 15000",
            "last second of the period,       2026-04-01T00:00:00Z, 2026-04-30T23:59:59Z,  9900, 39900, 0",
            "leap-year February day 15 of 29, 2028-02-01T00:00:00Z, 2028-02-15T00:00:00Z,  9900, 39900, 15517",
            "31-day month one day in,        2026-01-01T00:00:00Z, 2026-01-02T00:00:00Z,  2900,  9900, 6774",
            "equal prices cost nothing,       2026-01-01T00:00:00Z, 2026-01-10T00:00:00Z,  9900,  9900, 0",
            "half a cent rounds up,           2026-04-01T00:00:00Z, 2026-04-16T00:00:00Z,     0,     1, 1",
            "under half a cent rounds down,   2026-04-01T00:00:00Z, 2026-04-21T00:00:00Z,     0,     1, 0",
    })
    void prorated_charges(String name, String start, String now, long oldPrice, long newPrice, long expected) {
        BillingPeriod period = BillingPeriod.monthFrom(Instant.parse(start.trim()));
        Money charge = Proration.charge(new Money(oldPrice, "EUR"), new Money(newPrice, "EUR"), period, Instant.parse(now.trim()));
        assertThat(charge).isEqualTo(new Money(expected, "EUR"));
    }
}
