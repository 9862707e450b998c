package com.salesos.admin.plans;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.common.Page;
import com.salesos.admin.common.PageRequest;
import java.time.Clock;
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

        public Outcome upgrade(Subscription current, Plan to, Charge charge, AuditEvent audit) {
            throw new UnsupportedOperationException();
        }

        public Outcome scheduleDowngrade(Subscription current, Plan to, Instant effectiveAt, AuditEvent audit) {
            throw new UnsupportedOperationException();
        }

        public Outcome cancelPending(Subscription current, long planSeatLimit, AuditEvent audit) {
            throw new UnsupportedOperationException();
        }

        public List<Subscription> dueDowngrades(Instant now, int limit) {
            return List.of(due("ws-1"), due("ws-broken"), due("ws-3"));
        }

        public Outcome applyDowngrade(Subscription due, BillingPeriod newAnchor, AuditEvent audit) {
            if (due.workspaceId().equals("ws-broken")) {
                throw new IllegalStateException("store hiccup");
            }
            assertThat(newAnchor.start()).isEqualTo(MAY.end());
            return applied.add(due.workspaceId()) ? new Outcome.Done() : new Outcome.Stale();
        }

        public List<Charge> unrecordedCharges(Instant createdBefore, int limit) {
            return List.copyOf(waiting);
        }

        public void markRecorded(Charge charge) {
            waiting.remove(charge);
        }

        public Page<Charge> charges(String workspaceId, PageRequest page) {
            throw new UnsupportedOperationException();
        }
    };

    final BillingGateway gateway = charge -> {
        if (gatewayDown) {
            throw new BillingGateway.BillingUnavailable("down", null);
        }
        recorded.add(charge.id());
    };

    final PlanScheduler scheduler = new PlanScheduler(store, gateway, Clock.fixed(NOW, ZoneOffset.UTC));

    static Subscription due(String ws) {
        return new Subscription(ws, "team", MAY, Optional.of(new Subscription.PendingChange("starter", MAY.end())));
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
}
