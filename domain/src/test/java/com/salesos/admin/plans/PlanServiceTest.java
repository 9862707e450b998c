package com.salesos.admin.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salesos.admin.access.BuiltInRoles;
import com.salesos.admin.access.Caller;
import com.salesos.admin.access.UserStatus;
import com.salesos.admin.problems.DomainException;
import com.salesos.admin.problems.FieldError;
import com.salesos.admin.problems.ProblemKind;
import com.salesos.admin.testing.Callers;
import com.salesos.admin.testing.InMemoryAuditLog;
import com.salesos.admin.testing.InMemoryBilling;
import com.salesos.admin.testing.InMemoryDeals;
import com.salesos.admin.testing.InMemoryPlans;
import com.salesos.admin.testing.InMemoryRoles;
import com.salesos.admin.testing.InMemorySeats;
import com.salesos.admin.testing.InMemoryTeams;
import com.salesos.admin.testing.InMemoryUsers;
import com.salesos.admin.testing.MovableClock;
import com.salesos.admin.testing.RecordingSignIn;
import com.salesos.admin.testing.SequentialIds;
import com.salesos.admin.testing.TestPlans;
import com.salesos.admin.users.UserService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Plan changes on in-memory ports (Team: 5 seats at 30.00, Starter: 3 at 10.00, Enterprise: 10 at
 * 90.00, EUR). March 2026 is the billing period; the clock stands at the 16th, 0:00, 16 of 31 days left.
 */
class PlanServiceTest {

    static final String WS = "ws";
    static final BillingPeriod MARCH = BillingPeriod.monthFrom(Instant.parse("2026-03-01T00:00:00Z"));
    static final Instant APRIL = Instant.parse("2026-04-01T00:00:00Z");

    final MovableClock clock = new MovableClock("2026-03-16T00:00:00Z");
    final InMemoryAuditLog audit = new InMemoryAuditLog();
    final InMemorySeats seats = new InMemorySeats();
    final InMemoryRoles roles = new InMemoryRoles(audit);
    final InMemoryUsers users = new InMemoryUsers(seats, roles, audit);
    final InMemoryPlans plans = new InMemoryPlans(seats, audit);
    final InMemoryBilling billing = new InMemoryBilling();
    final PlanService service = new PlanService(TestPlans.CATALOG, plans, seats, billing, new SequentialIds(), clock);
    final PlanScheduler scheduler = new PlanScheduler(plans, billing, clock, java.time.Duration.ofSeconds(90));
    final Caller admin = Callers.of(WS, "usr_admin", BuiltInRoles.ADMIN);

    PlanServiceTest() {
        plans.open(WS, TestPlans.TEAM, MARCH);
        users.add(WS, "usr_admin", "admin", UserStatus.ACTIVE);
        users.add(WS, "usr_rep", "sales-rep", UserStatus.ACTIVE);
    }

    @Test
    void an_upgrade_applies_now_raises_the_seat_limit_and_charges_the_prorated_difference() {
        PlanService.Change change = service.change(admin, "enterprise");

        PlanService.Change.Upgraded upgraded = (PlanService.Change.Upgraded) change;
        // (9000 - 3000) x 16/31 = 3096.77 -> 3097 cents
        long expected = BigDecimal.valueOf(6000 * 16).divide(BigDecimal.valueOf(31), 0, RoundingMode.HALF_UP).longValueExact();
        assertThat(upgraded.charge().amount()).isEqualTo(new Money(expected, "EUR"));
        assertThat(upgraded.subscription().tier()).isEqualTo("enterprise");
        assertThat(seats.read(WS).limit()).isEqualTo(10);
        assertThat(billing.charges()).containsExactly(upgraded.charge());
        assertThat(plans.isRecorded(upgraded.charge())).isTrue();
        assertThat(audit.last().action()).isEqualTo("plan.upgraded");
        assertThat(audit.lastBefore()).containsEntry("tier", "team");
        assertThat(audit.lastAfter()).containsEntry("tier", "enterprise").containsEntry("amountMinor", expected)
                .containsEntry("currency", "EUR");
    }

    @Test
    void the_preview_shows_exactly_what_the_change_then_does() {
        PlanService.Preview preview = service.preview(admin, "enterprise");
        PlanService.Change.Upgraded upgraded = (PlanService.Change.Upgraded) service.change(admin, "enterprise");

        assertThat(preview.upgrade()).isTrue();
        assertThat(preview.charge()).contains(upgraded.charge().amount());
        assertThat(audit.actions()).containsExactly("plan.upgraded");
    }

    @Test
    void an_upgrade_while_billing_is_down_still_applies_and_the_scheduler_records_its_charge_once() {
        billing.down = true;
        PlanService.Change.Upgraded upgraded = (PlanService.Change.Upgraded) service.change(admin, "enterprise");
        assertThat(plans.subscription(WS).tier()).isEqualTo("enterprise");
        assertThat(plans.isRecorded(upgraded.charge())).isFalse();

        billing.down = false;
        clock.advance(Duration.ofMinutes(5));
        assertThat(scheduler.run().chargesRecorded()).isEqualTo(1);
        assertThat(scheduler.run().chargesRecorded()).isZero();
        assertThat(billing.charges()).containsExactly(upgraded.charge());
    }

    @Test
    void a_downgrade_waits_for_the_end_of_the_period_but_lowers_the_seat_limit_at_once() {
        PlanService.Change.DowngradeScheduled scheduled = (PlanService.Change.DowngradeScheduled) service.change(admin, "starter");

        assertThat(scheduled.effectiveAt()).isEqualTo(APRIL);
        assertThat(plans.subscription(WS).tier()).isEqualTo("team");
        assertThat(plans.subscription(WS).pending()).contains(new Subscription.PendingChange("starter", APRIL));
        assertThat(seats.read(WS).limit()).isEqualTo(3);
        assertThat(billing.charges()).isEmpty();
        assertThat(audit.last().action()).isEqualTo("plan.downgrade-scheduled");
    }

    @Test
    void an_upgrade_whose_charge_fails_after_the_commit_with_any_error_still_answers_the_upgrade_and_the_sweep_records_it() {
        // After the commit, anything failing around the charge (here the gateway with an error other
        // than BillingUnavailable; a throttled "recorded" mark goes through the same catch, not
        // tested apart) must not turn the answer into an error: the upgrade happened.
        boolean[] failed = {false};
        PlanService flaky = new PlanService(TestPlans.CATALOG, plans, seats, charge -> {
            if (!failed[0]) {
                failed[0] = true;
                throw new IllegalStateException("throttled");
            }
            billing.record(charge);
        }, new SequentialIds(), clock);

        PlanService.Change.Upgraded upgraded = (PlanService.Change.Upgraded) flaky.change(admin, "enterprise");

        assertThat(failed[0]).isTrue();
        assertThat(plans.subscription(WS).tier()).isEqualTo("enterprise");
        assertThat(billing.charges()).isEmpty();
        clock.advance(java.time.Duration.ofMinutes(2));
        scheduler.run();
        assertThat(billing.charges()).containsExactly(upgraded.charge());
    }

    @Test
    void a_downgrade_records_that_nothing_is_charged() {
        service.change(admin, "starter");

        assertThat(audit.lastAfter()).containsEntry("amountMinor", 0L).containsEntry("currency", "EUR")
                .containsEntry("tier", "starter").containsEntry("seatLimit", 3L);
        clock.set(APRIL);
        scheduler.run();
        assertThat(audit.last().action()).isEqualTo("plan.downgraded");
        assertThat(audit.lastAfter()).containsEntry("amountMinor", 0L);
    }

    @Test
    void a_seat_limit_support_granted_is_restored_by_cancelling_a_downgrade_and_never_cut_by_an_upgrade() {
        // Team's catalogue limit is 5; support provisioned this workspace with 20.
        plans.open("ws-granted", TestPlans.TEAM, 20, MARCH);
        Caller granted = Callers.of("ws-granted", "usr_granted", BuiltInRoles.ADMIN);

        assertThat(service.preview(granted, "starter").seatLimit()).isEqualTo(3);
        service.change(granted, "starter");
        assertThat(seats.read("ws-granted").limit()).isEqualTo(3);
        service.cancelPending(granted);
        assertThat(seats.read("ws-granted").limit()).isEqualTo(20);

        assertThat(service.preview(granted, "enterprise").seatLimit()).isEqualTo(20);
        service.change(granted, "enterprise");
        assertThat(seats.read("ws-granted").limit()).isEqualTo(20);
        assertThat(plans.subscription("ws-granted").planSeatLimit()).isEqualTo(20);
    }

    @Test
    void a_seat_limit_support_granted_below_the_plan_is_never_raised_by_a_downgrade_and_an_upgrade_gives_the_new_plans() {
        // Team's catalogue limit is 5; support provisioned this workspace with 2, under Starter's 3.
        plans.open("ws-small", TestPlans.TEAM, 2, MARCH);
        Caller small = Callers.of("ws-small", "usr_small", BuiltInRoles.ADMIN);

        service.change(small, "starter");
        assertThat(seats.read("ws-small").limit()).as("scheduling a downgrade never adds seats").isEqualTo(2);
        service.cancelPending(small);
        assertThat(seats.read("ws-small").limit()).isEqualTo(2);

        service.change(small, "enterprise");
        assertThat(seats.read("ws-small").limit()).isEqualTo(10);
    }

    @Test
    void a_downgrade_is_refused_while_more_seats_are_in_use_than_the_new_plan_allows_and_says_how_many_to_free() {
        users.add(WS, "usr_3", "sales-rep", UserStatus.ACTIVE);
        seats.takeSeatForInvitation(WS);
        seats.takeSeatForInvitation(WS);

        assertThat(service.preview(admin, "starter").seatsToFree()).isEqualTo(2);
        assertThatThrownBy(() -> service.change(admin, "starter"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemKind.CONFLICT);
                    assertThat(e.type()).isEqualTo("seats-over-new-limit");
                    assertThat(e.extensions()).containsEntry("seatsToFree", 2L).containsEntry("seatLimit", 3L);
                });
        assertThat(plans.subscription(WS).pending()).isEmpty();
        assertThat(seats.read(WS).limit()).isEqualTo(5);
    }

    @Test
    void while_a_downgrade_is_pending_no_seat_is_taken_beyond_the_lower_limit_and_cancelling_gives_the_seats_back() {
        users.add(WS, "usr_gone", "sales-rep", UserStatus.DEACTIVATED);
        seats.takeSeatForInvitation(WS);
        service.change(admin, "starter");
        UserService userService = new UserService(users, roles, new InMemoryTeams(), new RecordingSignIn(), new InMemoryDeals(10, audit, users), clock);

        assertThat(seats.takeSeatForInvitation(WS)).isFalse();
        assertThatThrownBy(() -> userService.reactivate(admin, "usr_gone"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type()).isEqualTo("seats-exhausted");
                    assertThat(e.detail()).contains("cancel the pending downgrade");
                    assertThat(e.extensions()).containsEntry("pendingDowngrade",
                            Map.of("tier", "starter", "effectiveAt", APRIL.toString()));
                });

        service.cancelPending(admin);

        assertThat(plans.subscription(WS).pending()).isEmpty();
        assertThat(seats.read(WS).limit()).isEqualTo(5);
        assertThat(userService.reactivate(admin, "usr_gone").status()).isEqualTo(UserStatus.ACTIVE);
        assertThat(audit.actions()).contains("plan.downgrade-cancelled");
    }

    @Test
    void an_upgrade_replaces_a_pending_downgrade() {
        service.change(admin, "starter");

        service.change(admin, "enterprise");

        assertThat(plans.subscription(WS).tier()).isEqualTo("enterprise");
        assertThat(plans.subscription(WS).pending()).isEmpty();
        assertThat(seats.read(WS).limit()).isEqualTo(10);
        clock.set(APRIL.plusSeconds(60));
        assertThat(scheduler.run().applied()).isEmpty();
        assertThat(plans.subscription(WS).tier()).isEqualTo("enterprise");
    }

    @Test
    void the_scheduler_applies_a_due_downgrade_once_and_starts_the_new_period_at_the_effective_date() {
        service.change(admin, "starter");
        clock.set(APRIL.minusSeconds(1));
        assertThat(scheduler.run().applied()).isEmpty();

        clock.set(APRIL.plus(Duration.ofHours(2)));
        assertThat(scheduler.run().applied()).containsExactly(WS);
        assertThat(scheduler.run().applied()).isEmpty();

        Subscription now = plans.subscription(WS);
        assertThat(now.tier()).isEqualTo("starter");
        assertThat(now.pending()).isEmpty();
        assertThat(now.currentPeriod(clock.instant()).start()).isEqualTo(APRIL);
        assertThat(seats.read(WS).limit()).isEqualTo(3);
        assertThat(seats.read(WS).lowered()).isEmpty();
        assertThat(audit.actions()).containsOnlyOnce("plan.downgraded");
    }

    @Test
    void changing_to_the_current_plan_or_an_unknown_tier_is_refused() {
        assertThatThrownBy(() -> service.change(admin, "team"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("plan-unchanged"));
        assertThatThrownBy(() -> service.change(admin, "platinum"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemKind.INVALID_INPUT);
                    assertThat(e.errors()).extracting(FieldError::field).containsExactly("tier");
                    assertThat(e.detail()).contains("starter, team, enterprise");
                });
        assertThat(audit.events()).isEmpty();
    }

    @Test
    void cancelling_without_a_pending_downgrade_is_not_found() {
        assertThatThrownBy(() -> service.cancelPending(admin))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(ProblemKind.NOT_FOUND));
    }

    @Test
    void an_upgrade_on_the_last_second_of_the_period_costs_at_most_a_cent_and_every_charge_is_listed() {
        clock.set(MARCH.end().minusSeconds(1));
        PlanService.Change.Upgraded upgraded = (PlanService.Change.Upgraded) service.change(admin, "enterprise");

        assertThat(upgraded.charge().amount().amount()).isBetween(0L, 1L);
        assertThat(service.charges(admin, com.salesos.admin.common.PageRequest.of(null, null)).items())
                .containsExactly(upgraded.charge());
        assertThat(upgraded.charge().period()).isEqualTo(MARCH);
        assertThat(List.of(upgraded.charge().fromTier(), upgraded.charge().toTier())).containsExactly("team", "enterprise");
    }
}
