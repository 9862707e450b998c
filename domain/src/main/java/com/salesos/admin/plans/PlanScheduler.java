package com.salesos.admin.plans;

import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.common.Page;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What the schedule runs: applies every downgrade whose date has passed and records charges the
 * gateway could not take at upgrade time. Safe to run twice or concurrently: each change is
 * applied by a conditional write that only one run can win, and charges are recorded by id.
 *
 * <p>It never stalls: it reads page after page until nothing due is left or its time budget is
 * spent (then the next run goes on), and an item that fails is reported and stepped past, so
 * failures at the head of the index never hold back what is behind them. A failed item stays in
 * the index and is tried again on the next run.
 */
public final class PlanScheduler {

    private static final int PAGE = 100;
    /** Upgrades record their own charge right away; the sweep only takes charges older than this. */
    private static final Duration CHARGE_GRACE = Duration.ofMinutes(1);

    private final PlanStore store;
    private final BillingGateway billing;
    private final Clock clock;
    private final Duration budget;

    /** {@code budget}: how long a run may keep starting new pages (below the function's timeout). */
    public PlanScheduler(PlanStore store, BillingGateway billing, Clock clock, Duration budget) {
        this.store = store;
        this.billing = billing;
        this.clock = clock;
        this.budget = budget;
    }

    /** What one run did; {@code finished} is false when the budget ran out before the indexes did. */
    public record Run(List<String> applied, List<String> alreadyApplied, List<String> failed, int chargesRecorded,
                      List<String> chargesFailed, boolean finished) {
    }

    public Run run() {
        Instant now = clock.instant();
        Instant deadline = now.plus(budget);
        List<String> applied = new ArrayList<>();
        List<String> already = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        boolean downgradesDone = eachPage(deadline, after -> store.dueDowngrades(now, PAGE, after), due -> {
            try {
                if (apply(due, now) instanceof PlanStore.Outcome.Done) {
                    applied.add(due.workspaceId());
                } else {
                    already.add(due.workspaceId());
                }
            } catch (RuntimeException e) {
                failed.add(due.workspaceId());
            }
        });
        List<String> recorded = new ArrayList<>();
        List<String> chargesFailed = new ArrayList<>();
        boolean chargesDone = downgradesDone && eachPage(deadline,
                after -> store.unrecordedCharges(now.minus(CHARGE_GRACE), PAGE, after), charge -> {
                    try {
                        billing.record(charge);
                        store.markRecorded(charge);
                        recorded.add(charge.id());
                    } catch (RuntimeException e) {
                        // The gateway refused this one or is down; either way the next charge gets its try.
                        chargesFailed.add(charge.id());
                    }
                });
        return new Run(applied, already, failed, recorded.size(), chargesFailed, chargesDone);
    }

    private PlanStore.Outcome apply(Subscription due, Instant now) {
        Subscription.PendingChange pending = due.pending().orElseThrow();
        BillingPeriod newAnchor = BillingPeriod.monthFrom(pending.effectiveAt()).current(now);
        AuditEvent audit = new AuditEvent(due.workspaceId(), "scheduler", "plan.downgraded", "subscription",
                due.workspaceId(), now, Map.of("tier", due.tier()), Map.of("tier", pending.tier(),
                "periodStart", newAnchor.start().toString(), "amountMinor", 0L));
        return store.applyDowngrade(due, newAnchor, audit);
    }

    /** Handles every item of every page while time is left; true if it reached the last page. */
    private <T> boolean eachPage(Instant deadline, Function<Optional<String>, Page<T>> read, Consumer<T> handle) {
        Optional<String> after = Optional.empty();
        do {
            if (!clock.instant().isBefore(deadline)) {
                return false;
            }
            Page<T> page = read.apply(after);
            page.items().forEach(handle);
            after = page.nextCursor();
        } while (after.isPresent());
        return true;
    }
}
