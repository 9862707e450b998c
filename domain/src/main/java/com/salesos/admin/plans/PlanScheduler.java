package com.salesos.admin.plans;

import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.plans.BillingGateway.BillingUnavailable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the schedule runs: applies every downgrade whose date has passed and records charges the
 * gateway could not take at upgrade time. Safe to run twice or concurrently: each change is
 * applied by a conditional write that only one run can win, and charges are recorded by id.
 * A workspace that fails does not stop the others; it is retried on the next run.
 */
public final class PlanScheduler {

    private static final int BATCH = 100;
    /** Upgrades record their own charge right away; the sweep only takes charges older than this. */
    private static final Duration CHARGE_GRACE = Duration.ofMinutes(1);

    private final PlanStore store;
    private final BillingGateway billing;
    private final Clock clock;

    public PlanScheduler(PlanStore store, BillingGateway billing, Clock clock) {
        this.store = store;
        this.billing = billing;
        this.clock = clock;
    }

    /** What one run did. */
    public record Run(List<String> applied, List<String> alreadyApplied, List<String> failed, int chargesRecorded) {
    }

    public Run run() {
        Instant now = clock.instant();
        List<String> applied = new ArrayList<>();
        List<String> already = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (Subscription due : store.dueDowngrades(now, BATCH)) {
            try {
                Subscription.PendingChange pending = due.pending().orElseThrow();
                BillingPeriod newAnchor = BillingPeriod.monthFrom(pending.effectiveAt()).current(now);
                AuditEvent audit = new AuditEvent(due.workspaceId(), "scheduler", "plan.downgraded", "subscription",
                        due.workspaceId(), now, Map.of("tier", due.tier()), Map.of("tier", pending.tier(),
                        "periodStart", newAnchor.start().toString()));
                if (store.applyDowngrade(due, newAnchor, audit) instanceof PlanStore.Outcome.Done) {
                    applied.add(due.workspaceId());
                } else {
                    already.add(due.workspaceId());
                }
            } catch (RuntimeException e) {
                failed.add(due.workspaceId());
            }
        }
        int recorded = 0;
        for (Charge charge : store.unrecordedCharges(now.minus(CHARGE_GRACE), BATCH)) {
            try {
                billing.record(charge);
                store.markRecorded(charge);
                recorded++;
            } catch (BillingUnavailable e) {
                break; // the gateway is down for all of them; next run
            }
        }
        return new Run(applied, already, failed, recorded);
    }
}
