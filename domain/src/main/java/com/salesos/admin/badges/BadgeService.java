package com.salesos.admin.badges;

import com.salesos.admin.access.Caller;
import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.common.DisplayText;
import com.salesos.admin.common.IdGenerator;
import com.salesos.admin.common.IdempotencyKey;
import com.salesos.admin.common.ListPages;
import com.salesos.admin.common.Page;
import com.salesos.admin.common.PageRequest;
import com.salesos.admin.plans.Plan;
import com.salesos.admin.points.ActivityType;
import com.salesos.admin.problems.DomainException;
import com.salesos.admin.problems.ProblemKind;
import com.salesos.admin.problems.Validation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Badges: the defaults and a workspace's custom badges (custom ones only on a plan that has them). */
public final class BadgeService {

    /** At most this many custom badges per workspace. */
    public static final int MAX_CUSTOM_BADGES = 100;

    private static final int MAX_TEXT = 500;

    private final BadgeStore store;
    private final PlanFeatures features;
    private final BadgeImages images;
    private final IdGenerator ids;
    private final Clock clock;

    public BadgeService(BadgeStore store, PlanFeatures features, BadgeImages images, IdGenerator ids, Clock clock) {
        this.store = store;
        this.features = features;
        this.images = images;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * A short-lived upload for a custom badge's image, PNG or SVG up to 256 KB. The upload is signed
     * for exactly the declared type and size, into a private bucket; consumers read images through
     * the API, never from the bucket.
     */
    public BadgeImages.UploadGrant grantImageUpload(Caller caller, String badgeId, String contentType, Long contentLength) {
        Badge badge = customBadge(caller, badgeId);
        requireCustomBadges(caller);
        Validation validation = new Validation();
        if (contentType == null || !Badge.IMAGE_TYPES.contains(contentType)) {
            validation.reject("contentType", "must be image/png or image/svg+xml");
        }
        if (contentLength == null || contentLength < 1 || contentLength > Badge.MAX_IMAGE_BYTES) {
            validation.reject("contentLength", "must be from 1 to " + Badge.MAX_IMAGE_BYTES + " bytes");
        }
        validation.throwIfInvalid();
        BadgeImages.UploadGrant grant = images.grantUpload(caller.workspaceId(), badgeId, contentType, contentLength);
        replace(caller, badge, badge.withImage(contentType), "badge.image-set");
        return grant;
    }

    /** Where a public consumer can fetch a custom badge's uploaded image for a short while. */
    public Optional<java.net.URI> imageLink(String workspaceId, String badgeId) {
        return find(workspaceId, badgeId).filter(Badge::custom).filter(Badge::hasImage).map(b -> images.downloadLink(workspaceId, badgeId, b.imageType()));
    }

    /** A badge definition as an admin sends it; criterion kind is activityCount or pointsTotal. */
    public record BadgeDraft(String name, String description, String narrative, String criterionKind,
                             String activityType, Long atLeast, Long pointReward) {
    }

    public List<Badge> list(Caller caller) {
        List<Badge> all = new ArrayList<>(Badge.DEFAULTS);
        all.addAll(store.listCustom(caller.workspaceId()));
        return all;
    }

    /** The default badges, then the custom ones by id (in the order they were made), a page at a time. */
    public Page<Badge> list(Caller caller, PageRequest page) {
        return ListPages.page(list(caller), BadgeService::orderKey, page);
    }

    private static String orderKey(Badge badge) {
        int byDefault = Badge.DEFAULTS.indexOf(badge);
        return byDefault >= 0 ? "0" + byDefault : "1" + badge.id();
    }

    public Badge get(Caller caller, String badgeId) {
        return Badge.DEFAULTS.stream().filter(b -> b.id().equals(badgeId)).findFirst()
                .or(() -> store.findCustom(caller.workspaceId(), badgeId))
                .orElseThrow(() -> DomainException.notFound("Badge " + badgeId));
    }

    /** A badge of a workspace for public (Open Badges) consumers, who have no caller. */
    public Optional<Badge> find(String workspaceId, String badgeId) {
        return Badge.DEFAULTS.stream().filter(b -> b.id().equals(badgeId)).findFirst()
                .or(() -> store.findCustom(workspaceId, badgeId));
    }

    public Optional<BadgeStore.Award> findAward(String workspaceId, String userId, String badgeId) {
        return store.findAward(workspaceId, userId, badgeId);
    }

    /** An award's public credential as it was signed when the badge was awarded. */
    public Optional<String> credential(String workspaceId, String userId, String badgeId) {
        return store.findCredential(workspaceId, userId, badgeId);
    }

    /** A new custom badge, and whether an earlier request with the same {@code Idempotency-Key} made it. */
    public record Created(Badge badge, boolean replayed) {
    }

    public Created create(Caller caller, BadgeDraft draft, Optional<String> clientKey) {
        requireCustomBadges(caller);
        Badge badge = validated(ids.newId("badge"), draft, Optional.empty());
        Optional<IdempotencyKey> key = IdempotencyKey.of("badges", caller.userId(), clientKey.orElse(null),
                draft.toString());
        // Every activity evaluates every badge the user lacks (and signs each one it awards), so their
        // number is bounded like any other input that drives work per request; the store counts
        // them in the creating write, so concurrent creations cannot pass the cap together.
        BadgeStore.Creation creation = store.create(caller.workspaceId(), badge,
                audit(caller, "badge.created", Map.of(), describe(badge), badge), key, MAX_CUSTOM_BADGES);
        if (creation instanceof BadgeStore.Creation.Replayed replayed) {
            return new Created(customBadge(caller, replayed.replay().resourceIdOrRefuse()), true);
        }
        if (creation instanceof BadgeStore.Creation.LimitReached) {
            throw DomainException.conflict("badge-limit", "Too many custom badges",
                    "A workspace can have at most " + MAX_CUSTOM_BADGES + " custom badges; delete one first");
        }
        return new Created(badge, false);
    }

    public Badge update(Caller caller, String badgeId, BadgeDraft draft) {
        Badge current = customBadge(caller, badgeId);
        requireCustomBadges(caller);
        Badge badge = validated(badgeId, draft, Optional.of(current));
        replace(caller, current, badge, "badge.changed");
        return badge;
    }

    public void delete(Caller caller, String badgeId) {
        Badge current = customBadge(caller, badgeId);
        requireCustomBadges(caller);
        if (!store.delete(caller.workspaceId(), current, audit(caller, "badge.deleted", describe(current), Map.of(), current))) {
            throw DomainException.notFound("Badge " + badgeId);
        }
    }

    private void replace(Caller caller, Badge current, Badge updated, String action) {
        if (!store.update(caller.workspaceId(), current, updated, audit(caller, action, describe(current), describe(updated), updated))) {
            throw store.findCustom(caller.workspaceId(), current.id()).isEmpty() ? DomainException.notFound("Badge " + current.id())
                    : DomainException.conflict("badge-changed", "Badge changed meanwhile",
                            "Someone changed this badge at the same time; reload it and try again");
        }
    }

    public Page<BadgeStore.Award> awards(Caller caller, Optional<String> userId, PageRequest page) {
        return store.awards(caller.workspaceId(), userId.filter(u -> !u.isBlank()), page);
    }

    private Badge customBadge(Caller caller, String badgeId) {
        if (Badge.DEFAULTS.stream().anyMatch(b -> b.id().equals(badgeId))) {
            throw DomainException.conflict("default-badge", "Default badge", "Default badges cannot be changed or deleted");
        }
        return store.findCustom(caller.workspaceId(), badgeId).orElseThrow(() -> DomainException.notFound("Badge " + badgeId));
    }

    private void requireCustomBadges(Caller caller) {
        if (!features.has(caller.workspaceId(), Plan.CUSTOM_BADGES)) {
            throw new DomainException(ProblemKind.FORBIDDEN, "plan-feature-missing", "Not on your plan",
                    "Custom badges need a plan with custom badges (Enterprise); upgrade the plan to create or change them",
                    List.of(), Map.of("feature", Plan.CUSTOM_BADGES));
        }
    }

    private static Badge validated(String id, BadgeDraft draft, Optional<Badge> current) {
        Validation validation = new Validation();
        String name = text(draft.name(), current.map(Badge::name), "name", true, validation);
        String description = text(draft.description(), current.map(Badge::description), "description", false, validation);
        String narrative = text(draft.narrative(), current.map(Badge::narrative), "narrative", true, validation);
        long reward = Optional.ofNullable(draft.pointReward()).orElse(current.map(Badge::pointReward).orElse(0L));
        if (reward < 0 || reward > com.salesos.admin.points.PointLimits.MAX_BADGE_REWARD) {
            validation.reject("pointReward", "must be from 0 to " + com.salesos.admin.points.PointLimits.MAX_BADGE_REWARD);
        }
        Criterion criterion = current.map(Badge::criterion).orElse(null);
        if (draft.criterionKind() != null || current.isEmpty()) {
            criterion = criterion(draft, validation);
        }
        validation.throwIfInvalid();
        return new Badge(id, name, description, narrative, criterion, reward, true,
                current.map(Badge::imageType).orElse(null));
    }

    private static Criterion criterion(BadgeDraft draft, Validation validation) {
        long atLeast = Optional.ofNullable(draft.atLeast()).orElse(0L);
        if (atLeast < 1) {
            validation.reject("criteria.atLeast", "must be at least 1");
        }
        if ("activityCount".equals(draft.criterionKind())) {
            Optional<ActivityType> type = Optional.ofNullable(draft.activityType()).flatMap(ActivityType::of);
            if (type.isEmpty()) {
                validation.reject("criteria.activityType", "is not an activity type");
                return null;
            }
            return new Criterion.ActivityCount(type.get(), atLeast);
        }
        if ("pointsTotal".equals(draft.criterionKind())) {
            return new Criterion.PointsTotal(atLeast);
        }
        validation.reject("criteria.kind", "must be activityCount or pointsTotal");
        return null;
    }

    private static String text(String value, Optional<String> current, String field, boolean required, Validation validation) {
        // One visible line: badge names and descriptions are published in public Open Badges documents.
        String text = value == null ? current.orElse("") : DisplayText.singleLine(value);
        if (required && text.isEmpty()) {
            validation.reject(field, "is required");
        } else if (text.length() > MAX_TEXT) {
            validation.reject(field, "must be at most " + MAX_TEXT + " characters");
        }
        return text;
    }

    private AuditEvent audit(Caller caller, String action, Map<String, ?> before, Map<String, ?> after, Badge badge) {
        return new AuditEvent(caller.workspaceId(), caller.userId(), action, "badge", badge.id(), clock.instant(), before, after);
    }

    /** What the audit log keeps of a badge, before and after a change (JSON values, not Java's toString). */
    private static Map<String, Object> describe(Badge badge) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("name", badge.name());
        fields.put("description", badge.description());
        fields.put("pointReward", badge.pointReward());
        if (badge.criterion() instanceof Criterion.ActivityCount count) {
            fields.put("criterion", Map.of("kind", "activityCount", "activityType", count.type().name(), "atLeast", count.atLeast()));
        } else if (badge.criterion() instanceof Criterion.PointsTotal total) {
            fields.put("criterion", Map.of("kind", "pointsTotal", "atLeast", total.atLeast()));
        }
        if (badge.imageType() != null) {
            fields.put("imageType", badge.imageType());
        }
        return fields;
    }
}
