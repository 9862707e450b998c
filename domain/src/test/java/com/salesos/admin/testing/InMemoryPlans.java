package com.salesos.admin.testing;

import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.common.Page;
import com.salesos.admin.common.PageRequest;
import com.salesos.admin.plans.BillingPeriod;
import com.salesos.admin.plans.Charge;
import com.salesos.admin.plans.Plan;
import com.salesos.admin.plans.PlanStore;
import com.salesos.admin.plans.Subscription;
import com.salesos.admin.seats.Seats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Subscriptions and charges. Like the table, each plan change moves the workspace's effective
 * seat limit in the same write ({@link InMemorySeats}) and only if the subscription is still as
 * read: an upgrade raises it, scheduling a downgrade lowers it (refused while more seats are in
 * use), cancelling restores the plan's own limit, and a due downgrade is applied once.
 */
public final class InMemoryPlans implements PlanStore {

    private final Map<String, Subscription> subscriptions = new HashMap<>();
    private final List<Charge> charges = new ArrayList<>();
    private final Set<String> recorded = new LinkedHashSet<>();
    private final InMemorySeats seats;
    private final InMemoryAuditLog audit;

    public InMemoryPlans(InMemorySeats seats, InMemoryAuditLog audit) {
        this.seats = seats;
        this.audit = audit;
    }

    /** A workspace on {@code plan} since {@code anchor}'s start, with its seats opened at the plan's limit. */
    public void open(String workspaceId, Plan plan, BillingPeriod anchor) {
        open(workspaceId, plan, plan.seatLimit(), anchor);
    }

    /** The same with a seat limit of its own, as support may grant when it provisions a workspace. */
    public void open(String workspaceId, Plan plan, long seatLimit, BillingPeriod anchor) {
        seats.open(workspaceId, seatLimit);
        subscriptions.put(workspaceId, new Subscription(workspaceId, plan.tier(), seatLimit, anchor, Optional.empty()));
    }

    @Override
    public Subscription subscription(String workspaceId) {
        Subscription subscription = subscriptions.get(workspaceId);
        if (subscription == null) {
            throw new IllegalStateException("no subscription for " + workspaceId);
        }
        return subscription;
    }

    @Override
    public Outcome upgrade(Subscription current, Plan to, long seatLimit, Charge charge, AuditEvent event) {
        if (!current.equals(subscriptions.get(current.workspaceId()))) {
            return new Outcome.Stale();
        }
        subscriptions.put(current.workspaceId(), new Subscription(current.workspaceId(), to.tier(), seatLimit, current.anchor(),
                Optional.empty()));
        seats.limits(current.workspaceId(), seatLimit, seatLimit, Optional.empty());
        charges.add(charge);
        audit.append(event);
        return new Outcome.Done();
    }

    @Override
    public Outcome scheduleDowngrade(Subscription current, Plan to, long seatLimit, Instant effectiveAt, AuditEvent event) {
        String ws = current.workspaceId();
        if (!current.equals(subscriptions.get(ws))) {
            return new Outcome.Stale();
        }
        Seats now = seats.read(ws);
        if (now.used() > seatLimit) {
            return new Outcome.OverLimit(now);
        }
        subscriptions.put(ws, new Subscription(ws, current.tier(), current.planSeatLimit(), current.anchor(),
                Optional.of(new Subscription.PendingChange(to.tier(), effectiveAt))));
        seats.limits(ws, seatLimit, seats.planSeatLimit(ws), Optional.of(new Seats.LoweredLimit(to.tier(), effectiveAt)));
        audit.append(event);
        return new Outcome.Done();
    }

    @Override
    public Outcome cancelPending(Subscription current, AuditEvent event) {
        String ws = current.workspaceId();
        if (!current.equals(subscriptions.get(ws)) || current.pending().isEmpty()) {
            return new Outcome.Stale();
        }
        subscriptions.put(ws, new Subscription(ws, current.tier(), current.planSeatLimit(), current.anchor(), Optional.empty()));
        seats.limits(ws, current.planSeatLimit(), current.planSeatLimit(), Optional.empty());
        audit.append(event);
        return new Outcome.Done();
    }

    @Override
    public Page<Subscription> dueDowngrades(Instant now, int limit, Optional<String> after) {
        List<Subscription> due = subscriptions.values().stream()
                .filter(s -> s.pending().filter(p -> !p.effectiveAt().isAfter(now)).isPresent())
                .sorted(java.util.Comparator.comparing(Subscription::workspaceId)).toList();
        return pageAfter(due, Subscription::workspaceId, limit, after);
    }

    @Override
    public Outcome applyDowngrade(Subscription due, BillingPeriod newAnchor, AuditEvent event) {
        String ws = due.workspaceId();
        Subscription stored = subscriptions.get(ws);
        if (stored == null || stored.pending().isEmpty() || !stored.pending().equals(due.pending())) {
            return new Outcome.Stale();
        }
        long limit = seats.read(ws).limit();
        subscriptions.put(ws, new Subscription(ws, stored.pending().get().tier(), limit, newAnchor, Optional.empty()));
        seats.limits(ws, limit, limit, Optional.empty());
        audit.append(event);
        return new Outcome.Done();
    }

    @Override
    public Page<Charge> unrecordedCharges(Instant createdBefore, int limit, Optional<String> after) {
        List<Charge> waiting = charges.stream().filter(c -> !recorded.contains(c.id()) && c.createdAt().isBefore(createdBefore))
                .sorted(java.util.Comparator.comparing(Charge::id)).toList();
        return pageAfter(waiting, Charge::id, limit, after);
    }

    /** Pages by the last key returned, as the index does, so items leaving the index never skip others. */
    private static <T> Page<T> pageAfter(List<T> sorted, java.util.function.Function<T, String> key, int limit,
                                         Optional<String> after) {
        List<T> rest = sorted.stream().filter(t -> after.map(a -> key.apply(t).compareTo(a) > 0).orElse(true)).toList();
        List<T> items = rest.stream().limit(limit).toList();
        Optional<String> next = rest.size() > limit ? Optional.of(key.apply(items.get(items.size() - 1))) : Optional.empty();
        return new Page<>(items, next);
    }

    @Override
    public void markRecorded(Charge charge) {
        recorded.add(charge.id());
    }

    public boolean isRecorded(Charge charge) {
        return recorded.contains(charge.id());
    }

    @Override
    public Page<Charge> charges(String workspaceId, PageRequest page) {
        return Pages.of(charges.stream().filter(c -> c.workspaceId().equals(workspaceId)).toList(), page);
    }
}
