package com.salesos.admin.badges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salesos.admin.access.BuiltInRoles;
import com.salesos.admin.access.Caller;
import com.salesos.admin.common.PageRequest;
import com.salesos.admin.plans.BillingPeriod;
import com.salesos.admin.plans.PlanScheduler;
import com.salesos.admin.plans.PlanService;
import com.salesos.admin.points.ActivityType;
import com.salesos.admin.points.PointLimits;
import com.salesos.admin.points.PointsLedger;
import com.salesos.admin.problems.DomainException;
import com.salesos.admin.problems.FieldError;
import com.salesos.admin.problems.ProblemKind;
import com.salesos.admin.testing.Callers;
import com.salesos.admin.testing.InMemoryAuditLog;
import com.salesos.admin.testing.InMemoryBadges;
import com.salesos.admin.testing.InMemoryBilling;
import com.salesos.admin.testing.InMemoryLedger;
import com.salesos.admin.testing.InMemoryPlans;
import com.salesos.admin.testing.InMemorySeats;
import com.salesos.admin.testing.MovableClock;
import com.salesos.admin.testing.SequentialIds;
import com.salesos.admin.testing.TestPlans;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Badges on in-memory ports: custom badges only on a plan that has them, criteria, one award per user and badge. */
class BadgeServiceTest {

    static final String WS = "ws";
    static final Instant MARCH = Instant.parse("2026-03-01T00:00:00Z");

    final MovableClock clock = new MovableClock("2026-03-10T09:00:00Z");
    final InMemoryAuditLog audit = new InMemoryAuditLog();
    final InMemorySeats seats = new InMemorySeats();
    final InMemoryPlans plans = new InMemoryPlans(seats, audit);
    final InMemoryLedger ledger = new InMemoryLedger();
    final InMemoryBadges store = new InMemoryBadges(ledger, audit);
    final PlanFeatures features = new PlanFeatures(TestPlans.CATALOG, plans);
    final BadgeService service = new BadgeService(store, features, new Images(), new SequentialIds(), clock);
    final BadgeAwarding awarding = new BadgeAwarding(store, ledger, features,
            (ws, user, badge, at) -> "signed " + badge.id() + " for " + user, clock);
    final Caller admin = Callers.of(WS, "usr_admin", BuiltInRoles.ADMIN);
    int activities;

    BadgeServiceTest() {
        plans.open(WS, TestPlans.ENTERPRISE, BillingPeriod.monthFrom(MARCH));
    }

    static BadgeService.BadgeDraft draft(String name, String kind, String type, Long atLeast, Long reward) {
        return new BadgeService.BadgeDraft(name, "desc", "Do it " + atLeast + " times.", kind, type, atLeast, reward);
    }

    /** Books an activity straight into the ledger, as the points use case would, and evaluates badges (the ids awarded). */
    private java.util.List<String> book(String userId, ActivityType type, long points) {
        activities++;
        ledger.record(new PointsLedger.Entry(WS, "act-" + activities, userId, type, null, clock.instant(), null, null, null,
                0, points, 0, clock.instant()));
        return awarding.evaluate(WS, userId);
    }

    @Test
    void custom_badges_need_a_plan_with_the_feature() {
        plans.open(WS, TestPlans.TEAM, BillingPeriod.monthFrom(MARCH));

        assertThatThrownBy(() -> service.create(admin, draft("Caller", "activityCount", "CALL_LOGGED", 3L, 10L), Optional.empty()))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemKind.FORBIDDEN);
                    assertThat(e.type()).isEqualTo("plan-feature-missing");
                });
        assertThat(store.listCustom(WS)).isEmpty();
        assertThat(service.list(admin)).extracting(Badge::id).containsExactly("first-deal-won", "ten-deals-won", "thousand-points");
    }

    @Test
    void a_custom_badge_is_created_with_its_criterion_and_listed_after_the_defaults() {
        Badge badge = service.create(admin, draft(" Caller ", "activityCount", "CALL_LOGGED", 3L, 10L), Optional.empty()).badge();

        assertThat(badge.custom()).isTrue();
        assertThat(badge.name()).isEqualTo("Caller");
        assertThat(badge.criterion()).isEqualTo(new Criterion.ActivityCount(ActivityType.CALL_LOGGED, 3));
        assertThat(service.list(admin)).hasSize(4).last().isEqualTo(badge);
        assertThat(audit.last().action()).isEqualTo("badge.created");
    }

    @Test
    void the_audit_keeps_a_badge_before_and_after_each_change_and_a_stale_edit_changes_nothing() {
        Badge created = service.create(admin, draft("Caller", "activityCount", "CALL_LOGGED", 3L, 10L), Optional.empty()).badge();
        assertThat(audit.lastBefore()).isEmpty();
        assertThat(audit.lastAfter()).containsEntry("name", "Caller").containsEntry("pointReward", 10L)
                .containsEntry("criterion", Map.of("kind", "activityCount", "activityType", "CALL_LOGGED", "atLeast", 3L));

        Badge changed = service.update(admin, created.id(), draft("Dialler", null, null, null, 20L));
        assertThat(audit.last().action()).isEqualTo("badge.changed");
        assertThat(audit.lastBefore()).containsEntry("name", "Caller").containsEntry("pointReward", 10L);
        assertThat(audit.lastAfter()).containsEntry("name", "Dialler").containsEntry("pointReward", 20L);

        // An edit made from what was read before that change: refused, nothing written.
        int records = audit.actions().size();
        assertThat(store.update(WS, created, created.withImage("image/png"), audit.last())).isFalse();
        assertThat(store.findCustom(WS, created.id())).contains(changed);
        assertThat(audit.actions()).hasSize(records);

        service.delete(admin, created.id());
        assertThat(audit.last().action()).isEqualTo("badge.deleted");
        assertThat(audit.lastBefore()).containsEntry("name", "Dialler");
        assertThat(audit.lastAfter()).isEmpty();
        assertThat(store.delete(WS, changed, audit.last())).as("already gone").isFalse();
    }

    @Test
    void a_draft_with_a_bad_criterion_or_reward_is_refused_field_by_field() {
        assertThatThrownBy(() -> service.create(admin, draft("", "vibes", null, 0L, PointLimits.MAX_BADGE_REWARD + 1), Optional.empty()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactlyInAnyOrder("name", "criteria.atLeast", "criteria.kind", "pointReward"));
        assertThatThrownBy(() -> service.create(admin, draft("X", "activityCount", "NAPPING", 1L, 0L), Optional.empty()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactly("criteria.activityType"));
        assertThat(store.listCustom(WS)).isEmpty();
    }

    @Test
    void a_retried_create_answers_the_first_badge_and_a_reused_key_is_refused() {
        Badge first = service.create(admin, draft("Caller", "pointsTotal", null, 100L, 0L), Optional.of("k")).badge();

        BadgeService.Created again = service.create(admin, draft("Caller", "pointsTotal", null, 100L, 0L), Optional.of("k"));
        assertThat(again.replayed()).isTrue();
        assertThat(again.badge()).isEqualTo(first);
        assertThatThrownBy(() -> service.create(admin, draft("Other", "pointsTotal", null, 100L, 0L), Optional.of("k")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("idempotency-key-reused"));
        assertThat(store.listCustom(WS)).hasSize(1);
    }

    @Test
    void a_workspace_has_at_most_a_hundred_custom_badges() {
        for (int i = 0; i < BadgeService.MAX_CUSTOM_BADGES; i++) {
            service.create(admin, draft("B" + i, "pointsTotal", null, 100L, 0L), Optional.empty());
        }
        assertThatThrownBy(() -> service.create(admin, draft("One more", "pointsTotal", null, 100L, 0L), Optional.empty()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("badge-limit"));
    }

    @Test
    void default_badges_cannot_be_changed_or_deleted() {
        assertThatThrownBy(() -> service.update(admin, "first-deal-won", draft("Mine", null, null, null, null)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("default-badge"));
        assertThatThrownBy(() -> service.delete(admin, "thousand-points"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("default-badge"));
    }

    @Test
    void an_update_keeps_what_it_does_not_name() {
        Badge badge = service.create(admin, draft("Caller", "activityCount", "CALL_LOGGED", 3L, 10L), Optional.empty()).badge();

        Badge changed = service.update(admin, badge.id(), new BadgeService.BadgeDraft("Big caller", null, null, null, null, null, null));

        assertThat(changed.name()).isEqualTo("Big caller");
        assertThat(changed.criterion()).isEqualTo(badge.criterion());
        assertThat(changed.pointReward()).isEqualTo(10);
        assertThat(service.get(admin, badge.id())).isEqualTo(changed);
    }

    @Test
    void an_image_upload_is_granted_only_for_png_or_svg_up_to_256_kb() {
        Badge badge = service.create(admin, draft("Caller", "pointsTotal", null, 100L, 0L), Optional.empty()).badge();

        assertThatThrownBy(() -> service.grantImageUpload(admin, badge.id(), "image/gif", Badge.MAX_IMAGE_BYTES + 1))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactlyInAnyOrder("contentType", "contentLength"));
        assertThat(store.findCustom(WS, badge.id()).orElseThrow().hasImage()).isFalse();

        service.grantImageUpload(admin, badge.id(), "image/png", Badge.MAX_IMAGE_BYTES);
        assertThat(store.findCustom(WS, badge.id()).orElseThrow().imageType()).isEqualTo("image/png");
        assertThat(service.imageLink(WS, badge.id())).contains(URI.create("https://images.test/" + badge.id() + "?as=image/png"));
    }

    @Test
    void a_badge_is_awarded_once_when_its_criterion_is_first_met_with_its_reward_and_credential() {
        Badge caller = service.create(admin, draft("Caller", "activityCount", "CALL_LOGGED", 2L, 7L), Optional.empty()).badge();

        assertThat(book("usr_rep", ActivityType.CALL_LOGGED, 2)).isEmpty();
        assertThat(book("usr_rep", ActivityType.CALL_LOGGED, 2)).containsExactly(caller.id());
        assertThat(book("usr_rep", ActivityType.CALL_LOGGED, 2)).isEmpty();

        assertThat(ledger.total(WS, "usr_rep")).isEqualTo(6 + 7);
        assertThat(service.findAward(WS, "usr_rep", caller.id())).isPresent();
        assertThat(service.credential(WS, "usr_rep", caller.id())).contains("signed " + caller.id() + " for usr_rep");
        assertThat(service.awards(admin, Optional.of("usr_rep"), PageRequest.of(null, null)).items())
                .extracting(BadgeStore.Award::badgeId).containsExactly(caller.id());
    }

    @Test
    void a_reward_that_lifts_the_total_over_another_badges_threshold_awards_that_one_too() {
        Badge generous = service.create(admin, draft("Generous", "activityCount", "MEETING_HELD", 1L, 1000L), Optional.empty()).badge();

        assertThat(book("usr_rep", ActivityType.MEETING_HELD, 5))
                .containsExactly(generous.id(), "thousand-points");
        assertThat(ledger.total(WS, "usr_rep")).isEqualTo(1005);
    }

    @Test
    void no_custom_badge_is_awarded_after_a_downgrade_from_enterprise_but_the_badges_stay_visible() {
        Badge caller = service.create(admin, draft("Caller", "activityCount", "CALL_LOGGED", 1L, 0L), Optional.empty()).badge();
        new PlanService(TestPlans.CATALOG, plans, seats, new InMemoryBilling(), new SequentialIds(), clock).change(admin, "team");
        clock.set(MARCH.plus(Duration.ofDays(32)));
        new PlanScheduler(plans, new InMemoryBilling(), clock, java.time.Duration.ofSeconds(90)).run();

        assertThat(book("usr_rep", ActivityType.CALL_LOGGED, 2)).isEmpty();
        assertThat(service.list(admin)).contains(caller);
        assertThat(book("usr_rep", ActivityType.DEAL_WON, 50)).containsExactly("first-deal-won");
    }

    @Test
    void an_award_whose_reward_would_pass_the_ceiling_is_not_made() {
        service.create(admin, draft("Caller", "activityCount", "CALL_LOGGED", 1L, 100L), Optional.empty());
        ledger.seedTotal(WS, "usr_rep", PointLimits.MAX_TOTAL - 50);

        assertThat(book("usr_rep", ActivityType.CALL_LOGGED, 1)).containsExactly("thousand-points");
        assertThat(ledger.total(WS, "usr_rep")).isEqualTo(PointLimits.MAX_TOTAL - 49);
    }

    /** Signed links that say what they sign. */
    static final class Images implements BadgeImages {
        public UploadGrant grantUpload(String workspaceId, String badgeId, String contentType, long contentLength) {
            return new UploadGrant(URI.create("https://images.test/" + badgeId), "PUT",
                    Map.of("Content-Type", contentType), Instant.parse("2026-03-10T09:05:00Z"));
        }

        public URI downloadLink(String workspaceId, String badgeId, String contentType) {
            return URI.create("https://images.test/" + badgeId + "?as=" + contentType);
        }
    }
}
