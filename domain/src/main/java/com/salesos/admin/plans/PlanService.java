package com.salesos.admin.plans;

import com.salesos.admin.access.Caller;
import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.common.IdGenerator;
import com.salesos.admin.common.Page;
import com.salesos.admin.common.PageRequest;
import com.salesos.admin.plans.PlanStore.Outcome;
import com.salesos.admin.problems.DomainException;
import com.salesos.admin.problems.ProblemKind;
import com.salesos.admin.seats.SeatAccount;
import com.salesos.admin.seats.Seats;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Plan changes: upgrade now with a prorated charge, downgrade at the end of the period, cancel. */
public final class PlanService {

    private final PlanCatalog catalog;
    private final PlanStore store;
    private final SeatAccount seats;
    private final BillingGateway billing;
    private final IdGenerator ids;
    private final Clock clock;

    public PlanService(PlanCatalog catalog, PlanStore store, SeatAccount seats, BillingGateway billing,
                       IdGenerator ids, Clock clock) {
        this.catalog = catalog;
        this.store = store;
        this.seats = seats;
        this.billing = billing;
        this.ids = ids;
        this.clock = clock;
    }

    /** The outcome of a plan change request. */
    public sealed interface Change {
        record Upgraded(Subscription subscription, Charge charge) implements Change {
        }

        record DowngradeScheduled(Subscription subscription, Instant effectiveAt) implements Change {
        }
    }

    public List<Plan> catalogue() {
        return catalog.plans();
    }

    public Subscription subscription(Caller caller) {
        return store.subscription(caller.workspaceId());
    }

    public Plan planOf(Subscription subscription) {
        return catalog.find(subscription.tier()).orElseThrow(() ->
                new IllegalStateException("workspace " + subscription.workspaceId() + " is on unknown tier " + subscription.tier()));
    }

    /** What changing to a tier would do, computed exactly as {@link #change} would, committing nothing. */
    public record Preview(Plan to, boolean upgrade, java.util.Optional<Money> charge, Instant effectiveAt,
                          long seatLimit, long seatsToFree) {
    }

    public Preview preview(Caller caller, String tier) {
        Plan to = target(tier);
        Subscription current = store.subscription(caller.workspaceId());
        Plan from = differentFrom(current, to);
        Instant now = clock.instant();
        BillingPeriod period = current.currentPeriod(now);
        if (to.rank() > from.rank()) {
            return new Preview(to, true, java.util.Optional.of(Proration.charge(from.monthlyPrice(), to.monthlyPrice(), period, now)),
                    now, current.seatLimitAfterUpgradeTo(to), 0);
        }
        long limit = current.seatLimitAfterDowngradeTo(to);
        long used = seats.read(caller.workspaceId()).used();
        return new Preview(to, false, java.util.Optional.empty(), period.end(), limit, Math.max(0, used - limit));
    }

    public Change change(Caller caller, String tier) {
        Plan to = target(tier);
        Subscription current = store.subscription(caller.workspaceId());
        Plan from = differentFrom(current, to);
        Instant now = clock.instant();
        BillingPeriod period = current.currentPeriod(now);
        return to.rank() > from.rank() ? upgrade(caller, current, from, to, period, now)
                : scheduleDowngrade(caller, current, from, to, period);
    }

    private Plan target(String tier) {
        boolean given = tier != null && !tier.isBlank();
        return (given ? catalog.find(tier) : java.util.Optional.<Plan>empty()).orElseThrow(() -> DomainException.invalidField(
                "tier", given ? "is not a plan; known tiers: " + String.join(", ", catalog.plans().stream().map(Plan::tier).toList())
                        : "is required"));
    }

    private Plan differentFrom(Subscription current, Plan to) {
        Plan from = planOf(current);
        if (to.tier().equals(from.tier())) {
            throw DomainException.conflict("plan-unchanged", "Already on this plan",
                    "The workspace is already on " + from.name() + "; to drop a pending downgrade, cancel it");
        }
        return from;
    }

    private Change upgrade(Caller caller, Subscription current, Plan from, Plan to, BillingPeriod period, Instant now) {
        Charge charge = new Charge(ids.newId("chg"), caller.workspaceId(),
                Proration.charge(from.monthlyPrice(), to.monthlyPrice(), period, now),
                from.tier(), to.tier(), now, caller.userId(), period);
        long limit = current.seatLimitAfterUpgradeTo(to);
        refuseUnlessDone(store.upgrade(current, to, limit, charge, audit(caller, "plan.upgraded", from, to,
                Map.of("amountMinor", charge.amount().amount(), "currency", charge.amount().currency(), "seatLimit", limit))),
                to, limit);
        record(charge);
        return new Change.Upgraded(store.subscription(caller.workspaceId()), charge);
    }

    private Change scheduleDowngrade(Caller caller, Subscription current, Plan from, Plan to, BillingPeriod period) {
        long limit = current.seatLimitAfterDowngradeTo(to);
        Seats now = seats.read(caller.workspaceId());
        if (now.used() > limit) {
            throw overLimit(to, limit, now);
        }
        // Downgrades are not charged or refunded: the record says so with an amount of zero.
        Outcome outcome = store.scheduleDowngrade(current, to, limit, period.end(), audit(caller, "plan.downgrade-scheduled",
                from, to, Map.of("effectiveAt", period.end(), "amountMinor", 0L, "currency", to.monthlyPrice().currency(),
                        "seatLimit", limit)));
        refuseUnlessDone(outcome, to, limit);
        return new Change.DowngradeScheduled(store.subscription(caller.workspaceId()), period.end());
    }

    public void cancelPending(Caller caller) {
        Subscription current = store.subscription(caller.workspaceId());
        if (current.pending().isEmpty()) {
            throw DomainException.notFound("A pending plan change");
        }
        Plan plan = planOf(current);
        Subscription.PendingChange pending = current.pending().get();
        // The tier does not change: the audit shows the pending downgrade before and none after.
        AuditEvent cancelled = new AuditEvent(caller.workspaceId(), caller.userId(), "plan.downgrade-cancelled",
                "subscription", caller.workspaceId(), clock.instant(),
                Map.of("tier", plan.tier(), "pendingChange", Map.of("tier", pending.tier(), "effectiveAt", pending.effectiveAt())),
                Map.of("tier", plan.tier(), "pendingChange", "none"));
        refuseUnlessDone(store.cancelPending(current, cancelled), plan, current.planSeatLimit());
    }

    public Page<Charge> charges(Caller caller, PageRequest page) {
        return store.charges(caller.workspaceId(), page);
    }

    /**
     * Records a charge after the upgrade and the charge have committed. Whatever fails here (the
     * gateway down, the store throttling the mark) leaves the charge unrecorded with the plan
     * change, and the scheduled sweep records it later, idempotently by id; so the answer is the
     * upgrade that happened, never an error saying nothing was written.
     */
    private void record(Charge charge) {
        try {
            billing.record(charge);
            store.markRecorded(charge);
        } catch (RuntimeException e) {
            // Kept as unrecorded with the plan change; PlanScheduler retries it.
        }
    }

    private void refuseUnlessDone(Outcome outcome, Plan to, long seatLimit) {
        if (outcome instanceof Outcome.OverLimit over) {
            throw overLimit(to, seatLimit, over.seats());
        }
        if (outcome instanceof Outcome.Stale) {
            throw DomainException.conflict("plan-changed", "Plan changed meanwhile",
                    "The subscription changed at the same time; reload and try again");
        }
    }

    private static DomainException overLimit(Plan to, long seatLimit, Seats seats) {
        long toFree = seats.used() - seatLimit;
        return new DomainException(ProblemKind.CONFLICT, "seats-over-new-limit", "Too many seats in use",
                "On " + to.name() + " this workspace would have " + seatLimit + " seats but " + seats.used() + " are in use; free " + toFree
                        + " (deactivate users or revoke invitations) before downgrading",
                List.of(), Map.of("seatsToFree", toFree, "seatLimit", seatLimit, "seatsUsed", seats.used()));
    }

    private AuditEvent audit(Caller caller, String action, Plan from, Plan to, Map<String, ?> extra) {
        Map<String, Object> after = new java.util.HashMap<>(extra);
        after.put("tier", to.tier());
        return new AuditEvent(caller.workspaceId(), caller.userId(), action, "subscription", caller.workspaceId(),
                clock.instant(), Map.of("tier", from.tier()), after);
    }
}
