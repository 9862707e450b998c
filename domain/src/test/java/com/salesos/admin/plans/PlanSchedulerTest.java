package com.salesos.admin.plans;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.common.Page;
import com.salesos.admin.common.PageRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The scheduled run with in-memory ports: one bad workspace does not stop the rest; charges are swept. */
class PlanSchedulerTest {

    static final Instant NOW = Instant.parse("2026-06-01T00:15:00Z");
    static final BillingPeriod MAY = BillingPeriod.monthFrom(Instant.parse("2026-05-01T00:00:00Z"));

    final List<String> applied = new ArrayList<>();
    final Set<String> recorded = new LinkedHashSet<>();
    final List<Charge> waiting = new ArrayList<>();
    boolean gatewayDown;

    final PlanStore store = new PlanStore() {
        public Subscription subscription(String workspaceId) {
            throw new UnsupportedOperationException();
        }

        public Outcome upgrade(Subscription current, Plan to, long seatLimit, Charge charge, AuditEvent audit) {
            throw new UnsupportedOperationException();
        }

        public Outcome scheduleDowngrade(Subscription current, Plan to, long seatLimit, Instant effectiveAt, AuditEvent audit) {
            throw new UnsupportedOperationException();
        }

        public Outcome cancelPending(Subscription current, AuditEvent audit) {
            throw new UnsupportedOperationException();
        }

        public Page<Subscription> dueDowngrades(Instant now, int limit, Optional<String> after) {
            reads++;
            return page(List.copyOf(dueIndex), limit, after);
        }

        public Outcome applyDowngrade(Subscription due, BillingPeriod newAnchor, AuditEvent audit) {
            if (due.workspaceId().startsWith("ws-broken")) {
                throw new IllegalStateException("store hiccup");
            }
            assertThat(newAnchor.start()).isEqualTo(MAY.end());
            return applied.add(due.workspaceId()) ? new Outcome.Done() : new Outcome.Stale();
        }

        public Page<Charge> unrecordedCharges(Instant createdBefore, int limit, Optional<String> after) {
            return page(List.copyOf(waiting), limit, after);
        }

        public void markRecorded(Charge charge) {
            waiting.remove(charge);
        }

        public Page<Charge> charges(String workspaceId, PageRequest page) {
            throw new UnsupportedOperationException();
        }
    };

    final BillingGateway gateway = charge -> {
        if (gatewayDown || charge.id().startsWith("chg_refused")) {
            throw new BillingGateway.BillingUnavailable("down", null);
        }
        recorded.add(charge.id());
    };

    final List<Subscription> dueIndex = new ArrayList<>(List.of(due("ws-1"), due("ws-broken"), due("ws-3")));
    int reads;

    final PlanScheduler scheduler = new PlanScheduler(store, gateway, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(90));

    /** Pages as an index walk does: the next page starts after the last item handed out. */
    static <T> Page<T> page(List<T> items, int limit, Optional<String> after) {
        int from = after.map(Integer::parseInt).orElse(0);
        int to = Math.min(items.size(), from + limit);
        return new Page<>(items.subList(Math.min(from, to), to), to < items.size() ? Optional.of(String.valueOf(to)) : Optional.empty());
    }

    static Subscription due(String ws) {
        return new Subscription(ws, "team", 10, MAY, Optional.of(new Subscription.PendingChange("starter", MAY.end())));
    }

    @Test
    void a_workspace_that_fails_is_reported_and_the_others_are_still_applied() {
        PlanScheduler.Run run = scheduler.run();

        assertThat(run.applied()).containsExactly("ws-1", "ws-3");
        assertThat(run.failed()).containsExactly("ws-broken");
    }

    @Test
    void charges_the_gateway_missed_are_recorded_on_a_later_run_and_only_once() {
        Charge charge = new Charge("chg_1", "ws-1", new Money(1200, "EUR"), "team", "business", NOW.minusSeconds(600), "usr", MAY);
        waiting.add(charge);
        gatewayDown = true;
        assertThat(scheduler.run().chargesRecorded()).isZero();

        gatewayDown = false;
        assertThat(scheduler.run().chargesRecorded()).isEqualTo(1);
        assertThat(scheduler.run().chargesRecorded()).isZero();
        assertThat(recorded).containsExactly("chg_1");
    }

    @Test
    void due_changes_beyond_the_first_page_are_applied_in_the_same_run() {
        dueIndex.clear();
        for (int i = 0; i < 250; i++) {
            dueIndex.add(due("ws-many-" + i));
        }

        PlanScheduler.Run run = scheduler.run();

        assertThat(run.applied()).hasSize(250);
        assertThat(run.finished()).isTrue();
    }

    @Test
    void a_hundred_failing_changes_at_the_head_do_not_hold_back_those_behind_them() {
        dueIndex.clear();
        for (int i = 0; i < 100; i++) {
            dueIndex.add(due("ws-broken-" + i));
        }
        dueIndex.add(due("ws-behind"));

        PlanScheduler.Run run = scheduler.run();

        assertThat(run.failed()).hasSize(100);
        assertThat(run.applied()).containsExactly("ws-behind");
    }

    @Test
    void charges_behind_a_hundred_the_gateway_refuses_are_still_recorded() {
        for (int i = 0; i < 100; i++) {
            waiting.add(new Charge("chg_refused_" + i, "ws-1", new Money(100, "EUR"), "team", "business", NOW.minusSeconds(600), "usr", MAY));
        }
        waiting.add(new Charge("chg_behind", "ws-1", new Money(100, "EUR"), "team", "business", NOW.minusSeconds(600), "usr", MAY));

        PlanScheduler.Run run = scheduler.run();

        assertThat(recorded).containsExactly("chg_behind");
        assertThat(run.chargesFailed()).hasSize(100);
    }

    @Test
    void a_run_whose_budget_is_spent_stops_reading_and_says_it_did_not_finish() {
        dueIndex.clear();
        for (int i = 0; i < 250; i++) {
            dueIndex.add(due("ws-slow-" + i));
        }
        // Each look at the clock is a minute later: the second page would start after the 90 s budget.
        Clock slow = new Clock() {
            Instant now = NOW;

            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            public Instant instant() {
                Instant at = now;
                now = now.plusSeconds(60);
                return at;
            }
        };

        PlanScheduler.Run run = new PlanScheduler(store, gateway, slow, Duration.ofSeconds(90)).run();

        assertThat(run.finished()).isFalse();
        assertThat(run.applied()).hasSize(100);
        assertThat(reads).isEqualTo(1);
    }
}
