package com.salesos.admin.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BillingPeriodTest {

    @Test
    void periods_run_month_by_month_in_utc_and_the_current_one_is_found_from_the_anchor() {
        BillingPeriod anchor = BillingPeriod.monthFrom(Instant.parse("2026-01-31T10:00:00Z"));
        assertThat(anchor.end()).isEqualTo(Instant.parse("2026-02-28T10:00:00Z"));
        BillingPeriod current = anchor.current(Instant.parse("2026-04-05T00:00:00Z"));
        assertThat(current.start()).isEqualTo(Instant.parse("2026-03-28T10:00:00Z"));
        assertThat(current.end()).isEqualTo(Instant.parse("2026-04-28T10:00:00Z"));
    }

    @Test
    void the_end_instant_belongs_to_the_next_period() {
        BillingPeriod anchor = BillingPeriod.monthFrom(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(anchor.current(anchor.end()).start()).isEqualTo(anchor.end());
    }

    @Test
    void the_catalogue_comes_from_configuration_in_upgrade_order() {
        PlanCatalog catalog = PlanCatalog.read(PlanCatalog.class.getResourceAsStream("/plan-catalog.properties"));
        assertThat(catalog.plans()).extracting(Plan::tier).containsExactly("starter", "team", "business", "enterprise");
        assertThat(catalog.find("Enterprise").orElseThrow().has(Plan.CUSTOM_BADGES)).isTrue();
        assertThat(catalog.find("team").orElseThrow().has(Plan.CUSTOM_BADGES)).isFalse();
        assertThat(catalog.find("team").orElseThrow().monthlyPrice()).isEqualTo(new Money(9900, "EUR"));
    }
}
