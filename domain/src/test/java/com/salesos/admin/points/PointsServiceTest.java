package com.salesos.admin.points;

import com.salesos.admin.common.ExpectedVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salesos.admin.access.BuiltInRoles;
import com.salesos.admin.access.Caller;
import com.salesos.admin.access.CrmClient;
import com.salesos.admin.access.UserStatus;
import com.salesos.admin.badges.Badge;
import com.salesos.admin.badges.BadgeAwarding;
import com.salesos.admin.badges.PlanFeatures;
import com.salesos.admin.common.PageRequest;
import com.salesos.admin.plans.BillingPeriod;
import com.salesos.admin.problems.DomainException;
import com.salesos.admin.problems.FieldError;
import com.salesos.admin.problems.ProblemKind;
import com.salesos.admin.testing.Callers;
import com.salesos.admin.testing.InMemoryAuditLog;
import com.salesos.admin.testing.InMemoryBadges;
import com.salesos.admin.testing.InMemoryLedger;
import com.salesos.admin.testing.InMemoryPlans;
import com.salesos.admin.testing.InMemoryPointSettings;
import com.salesos.admin.testing.InMemoryRoles;
import com.salesos.admin.testing.InMemorySeats;
import com.salesos.admin.testing.InMemoryUsers;
import com.salesos.admin.testing.MovableClock;
import com.salesos.admin.testing.TestPlans;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Point settings versions and activity scoring on in-memory ports. */
class PointsServiceTest {

    static final String WS = "ws";
    static final CrmClient CRM = new CrmClient(WS, "crm-sub");

    final MovableClock clock = new MovableClock("2026-03-01T09:00:00Z");
    final InMemoryAuditLog audit = new InMemoryAuditLog();
    final InMemorySeats seats = new InMemorySeats();
    final InMemoryRoles roles = new InMemoryRoles(audit);
    final InMemoryUsers users = new InMemoryUsers(seats, roles, audit);
    final InMemoryPlans plans = new InMemoryPlans(seats, audit);
    final InMemoryPointSettings settings = new InMemoryPointSettings(audit);
    final InMemoryLedger ledger = new InMemoryLedger();
    final InMemoryBadges badges = new InMemoryBadges(ledger, audit);
    final BadgeAwarding awarding = new BadgeAwarding(badges, ledger, new PlanFeatures(TestPlans.CATALOG, plans),
            (ws, user, badge, at) -> "credential of " + badge.id(), clock);
    final PointsService service = new PointsService(settings, ledger, users, awarding, clock);
    final Caller admin = Callers.of(WS, "usr_admin", BuiltInRoles.ADMIN);

    PointsServiceTest() {
        plans.open(WS, TestPlans.TEAM, BillingPeriod.monthFrom(Instant.parse("2026-03-01T00:00:00Z")));
        users.add(WS, "usr_admin", "admin", UserStatus.ACTIVE);
        users.add(WS, "usr_rep", "sales-rep", UserStatus.ACTIVE);
    }

    // The precondition is passed in one place. Reading it from If-Match (quotes, junk) is the edge's
    // job (EntityTags); here a version or none.
    private PointSettings update(Long expected, Map<String, Integer> points, BigDecimal multiplier) {
        return service.update(admin, Optional.ofNullable(expected).map(ExpectedVersion::new), points, multiplier);
    }

    private PointSettings replace(Long expected, Map<String, Integer> points, BigDecimal multiplier) {
        return service.replace(admin, Optional.ofNullable(expected).map(ExpectedVersion::new), points, multiplier);
    }

    private PointsService.Recorded activity(String id, String type, Instant at, Long value) {
        return service.record(CRM, new PointsService.ActivityInput(id, "usr_rep", type, at, value,
                value == null ? null : "EUR", null));
    }

    @Test
    void a_workspace_scores_with_the_defaults_until_an_admin_saves_version_one() {
        assertThat(service.current(admin).version()).isZero();

        PointSettings v1 = update(0L, Map.of("DEAL_WON", 100), null);

        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.effectiveFrom()).isEqualTo(clock.instant());
        assertThat(v1.pointsByActivityType()).containsEntry(ActivityType.DEAL_WON, 100)
                .containsEntry(ActivityType.LEAD_CREATED, 5);
        assertThat(service.history(admin)).extracting(PointSettings::version).containsExactly(0, 1);
        assertThat(audit.last().action()).isEqualTo("point-settings.changed");
    }

    @Test
    void a_change_based_on_an_old_version_is_refused_and_names_the_current_one() {
        update(0L, Map.of("DEAL_WON", 100), null);

        assertThatThrownBy(() -> update(0L, Map.of("CALL_LOGGED", 3), null))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemKind.PRECONDITION_FAILED);
                    assertThat(e.extensions()).containsEntry("currentVersion", 1);
                });
        assertThat(service.current(admin).pointsByActivityType()).containsEntry(ActivityType.CALL_LOGGED, 2);
        assertThat(update(1L, Map.of("CALL_LOGGED", 3), null).version()).isEqualTo(2);
    }

    @Test
    void a_change_without_its_precondition_is_refused() {
        assertThatThrownBy(() -> update(null, Map.of("DEAL_WON", 100), null))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(ProblemKind.PRECONDITION_REQUIRED));
        assertThat(service.current(admin).version()).isZero();
    }

    @Test
    void a_replacement_names_every_activity_type_and_every_value_is_bounded() {
        assertThatThrownBy(() -> replace(0L, Map.of("DEAL_WON", 10_001, "TELEPATHY", 1), new BigDecimal("1.234")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .contains("pointsByActivityType.DEAL_WON", "pointsByActivityType.TELEPATHY",
                                "pointsByActivityType.LEAD_CREATED", "pointsByActivityType.EMAIL_SENT", "valueBonusMultiplier"));
        assertThatThrownBy(() -> update(0L, Map.of("DEAL_WON", -1), new BigDecimal("100.01")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactlyInAnyOrder("pointsByActivityType.DEAL_WON", "valueBonusMultiplier"));
        assertThat(service.current(admin).version()).isZero();

        Map<String, Integer> all = Arrays.stream(ActivityType.values()).collect(Collectors.toMap(Enum::name, t -> 10_000));
        assertThat(replace(0L, all, new BigDecimal("100")).pointsByActivityType()).containsEntry(ActivityType.EMAIL_SENT, 10_000);
    }

    @Test
    void a_zero_multiplier_is_stored_as_plain_zero_whatever_exponent_it_came_with() {
        // 0e-999999999 strips to a zero of scale 0, so the two-decimals rule passes it; its plain
        // form would be a billion zeros, which the store writes out.
        BigDecimal zero = new BigDecimal("0e-999999999");

        PointSettings saved = update(0L, null, zero);

        assertThat(saved.valueBonusMultiplier()).isSameAs(BigDecimal.ZERO);
        assertThat(service.current(admin).valueBonusMultiplier().toPlainString()).isEqualTo("0");
        assertThatThrownBy(() -> update(1L, null, new BigDecimal("1e-999999999")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactly("valueBonusMultiplier"));
    }

    @Test
    void an_activity_is_scored_with_the_version_in_force_when_it_happened_and_old_points_never_change() {
        Instant before = clock.instant().minus(Duration.ofHours(1));
        update(0L, Map.of("DEAL_CREATED", 100), null);
        clock.advance(Duration.ofMinutes(1));

        assertThat(activity("a-old", "DEAL_CREATED", before, null).entry().total()).isEqualTo(10);
        PointsService.Recorded now = activity("a-new", "DEAL_CREATED", clock.instant(), null);
        assertThat(now.entry().settingsVersion()).isEqualTo(1);
        assertThat(now.entry().base()).isEqualTo(100);

        update(1L, Map.of("DEAL_CREATED", 1), null);
        assertThat(service.points(admin, "usr_rep", PageRequest.of(null, null)).entries().items())
                .extracting(PointsLedger.Entry::total).containsExactly(10L, 100L);
    }

    @Test
    void a_won_deal_earns_a_value_bonus_of_one_point_per_thousand_times_the_multiplier_rounded_down() {
        update(0L, Map.of(), new BigDecimal("2"));

        PointsService.Recorded won = activity("a-1", "DEAL_WON", clock.instant(), 2_500_099L);

        assertThat(won.entry().base()).isEqualTo(50);
        assertThat(won.entry().bonus()).isEqualTo(50);
    }

    @Test
    void the_same_activity_id_is_booked_once_and_a_retry_answers_the_first_booking() {
        PointsService.Recorded first = activity("a-1", "CALL_LOGGED", clock.instant(), null);
        update(0L, Map.of("CALL_LOGGED", 9), null);

        PointsService.Recorded again = activity("a-1", "CALL_LOGGED", clock.instant(), null);

        assertThat(again.replayed()).isTrue();
        assertThat(again.entry()).isEqualTo(first.entry());
        assertThat(again.userTotal()).isEqualTo(2);
        assertThat(ledger.total(WS, "usr_rep")).isEqualTo(2);
    }

    @Test
    void bad_activities_are_refused_field_by_field_and_book_nothing() {
        Map<String, PointsService.ActivityInput> bad = new HashMap<>();
        bad.put("userId", new PointsService.ActivityInput("a-1", "usr_stranger", "DEAL_WON", clock.instant(), null, null, null));
        bad.put("type", new PointsService.ActivityInput("a-2", "usr_rep", "DEAL_LOST", clock.instant(), null, null, null));
        bad.put("occurredAt", new PointsService.ActivityInput("a-3", "usr_rep", "DEAL_WON",
                clock.instant().plus(Duration.ofMinutes(6)), null, null, null));
        bad.put("value", new PointsService.ActivityInput("a-4", "usr_rep", "DEAL_WON", clock.instant(), 100L, null, null));
        bad.put("id", new PointsService.ActivityInput("x".repeat(129), "usr_rep", "DEAL_WON", clock.instant(), null, null, null));

        bad.forEach((field, input) -> assertThatThrownBy(() -> service.record(CRM, input))
                .as(field).isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly(field)));
        assertThat(ledger.total(WS, "usr_rep")).isZero();
    }

    @Test
    void a_user_of_another_workspace_earns_nothing_from_this_workspaces_crm() {
        seats.open("other", 3);
        users.add("other", "usr_foreign", "sales-rep", UserStatus.ACTIVE);

        assertThatThrownBy(() -> service.record(CRM, new PointsService.ActivityInput("a-1", "usr_foreign", "DEAL_WON",
                clock.instant(), null, null, null))).isInstanceOf(DomainException.class);
        assertThat(ledger.total("other", "usr_foreign")).isZero();
    }

    @Test
    void an_activity_that_would_take_a_total_past_its_ceiling_books_nothing() {
        ledger.seedTotal(WS, "usr_rep", PointLimits.MAX_TOTAL - 10);

        assertThatThrownBy(() -> activity("a-1", "DEAL_WON", clock.instant(), null))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type()).isEqualTo("points-total-ceiling");
                    assertThat(e.extensions()).containsEntry("userTotal", PointLimits.MAX_TOTAL - 10);
                });
        assertThat(ledger.total(WS, "usr_rep")).isEqualTo(PointLimits.MAX_TOTAL - 10);
        assertThat(activity("a-2", "CALL_LOGGED", clock.instant(), null).userTotal()).isEqualTo(PointLimits.MAX_TOTAL - 8);
    }

    @Test
    void the_first_won_deal_awards_its_badge_once_with_its_reward() {
        PointsService.Recorded first = activity("a-1", "DEAL_WON", clock.instant(), null);

        assertThat(first.awardedBadgeIds()).containsExactly("first-deal-won");
        assertThat(first.userTotal()).isEqualTo(50 + 25);
        assertThat(activity("a-2", "DEAL_WON", clock.instant(), null).awardedBadgeIds()).isEmpty();
        assertThat(activity("a-1", "DEAL_WON", clock.instant(), null).awardedBadgeIds()).isEmpty();
        assertThat(ledger.total(WS, "usr_rep")).isEqualTo(50 + 25 + 50);
    }
}
