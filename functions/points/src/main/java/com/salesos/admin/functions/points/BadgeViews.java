package com.salesos.admin.functions.points;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.salesos.admin.badges.Badge;
import com.salesos.admin.badges.BadgeStore;
import com.salesos.admin.badges.Criterion;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** JSON shapes of the badge routes. */
final class BadgeViews {

    private BadgeViews() {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CriteriaView(String kind, @Nullable String activityType, long atLeast, String narrative) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record BadgeView(String id, String name, String description, CriteriaView criteria, long pointReward, boolean custom) {
        static BadgeView of(Badge badge) {
            CriteriaView criteria = badge.criterion() instanceof Criterion.ActivityCount count
                    ? new CriteriaView("activityCount", count.type().name(), count.atLeast(), badge.narrative())
                    : new CriteriaView("pointsTotal", null, ((Criterion.PointsTotal) badge.criterion()).atLeast(), badge.narrative());
            return new BadgeView(badge.id(), badge.name(), badge.description(), criteria, badge.pointReward(), badge.custom());
        }
    }

    @Serdeable
    record CriteriaForm(@Nullable String kind, @Nullable String activityType, @Nullable Long atLeast, @Nullable String narrative) {
    }

    @Serdeable
    record BadgeForm(@Nullable String name, @Nullable String description, @Nullable CriteriaForm criteria,
                     @Nullable Long pointReward) {
    }

    @Serdeable
    record ImageUploadForm(@Nullable String contentType, @Nullable Long contentLength) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ImageUploadView(String uploadUrl, String method, java.util.Map<String, String> headers, Instant expiresAt) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record AwardView(String id, String badgeId, String badgeName, String userId, Instant awardedAt, String credentialId,
                     String credentialUrl) {
        /** With the public credential's id and URL, so the frontend can link an award to its Open Badge. */
        static AwardView of(BadgeStore.Award award, String baseUrl, String workspaceId) {
            return new AwardView(award.id(), award.badgeId(), award.badgeName(), award.userId(), award.awardedAt(),
                    OpenBadgesDocuments.credentialRef(workspaceId, award.userId(), award.badgeId()),
                    OpenBadgesDocuments.credentialId(baseUrl, workspaceId, award.userId(), award.badgeId()));
        }
    }
}
