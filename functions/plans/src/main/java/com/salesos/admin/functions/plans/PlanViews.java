package com.salesos.admin.functions.plans;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.salesos.admin.plans.Charge;
import com.salesos.admin.plans.Money;
import com.salesos.admin.plans.Plan;
import com.salesos.admin.plans.Subscription;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** The JSON shapes of the plans routes (API.md). */
final class PlanViews {

    private PlanViews() {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record MoneyView(long amount, String currency) {
        static MoneyView of(Money money) {
            return new MoneyView(money.amount(), money.currency());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PlanView(String tier, String name, long seatLimit, MoneyView monthlyPrice, List<String> features) {
        static PlanView of(Plan plan) {
            return new PlanView(plan.tier(), plan.name(), plan.seatLimit(), MoneyView.of(plan.monthlyPrice()),
                    plan.features().stream().sorted().toList());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Catalogue(List<PlanView> items) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PendingView(String tier, Instant effectiveAt) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SubscriptionView(String tier, Instant periodStart, Instant periodEnd, @Nullable PendingView pendingChange) {
        static SubscriptionView of(Subscription subscription, Instant now) {
            var period = subscription.currentPeriod(now);
            return new SubscriptionView(subscription.tier(), period.start(), period.end(),
                    subscription.pending().map(p -> new PendingView(p.tier(), p.effectiveAt())).orElse(null));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ChargeView(String id, MoneyView amount, String fromTier, String toTier, Instant createdAt, String createdBy,
                      Instant periodStart, Instant periodEnd) {
        static ChargeView of(Charge charge) {
            return new ChargeView(charge.id(), MoneyView.of(charge.amount()), charge.fromTier(), charge.toTier(),
                    charge.createdAt(), charge.createdBy(), charge.period().start(), charge.period().end());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record UpgradeView(SubscriptionView subscription, ChargeView charge) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record DowngradeView(SubscriptionView subscription, Instant effectiveAt) {
    }

    /** API.md: {tier, kind: upgrade|downgrade, charge: {amount, currency} | null, effectiveAt, seatLimit, seatsToFree}. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PreviewView(String tier, String kind, @Nullable MoneyView charge, Instant effectiveAt, long seatLimit,
                       long seatsToFree) {
        static PreviewView of(com.salesos.admin.plans.PlanService.Preview preview) {
            return new PreviewView(preview.to().tier(), preview.upgrade() ? "upgrade" : "downgrade",
                    preview.charge().map(MoneyView::of).orElse(null), preview.effectiveAt(), preview.seatLimit(),
                    preview.seatsToFree());
        }
    }

    @Serdeable
    record PlanChangeForm(@Nullable String tier) {
    }
}
