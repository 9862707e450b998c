package com.salesos.admin.functions.points;

import com.salesos.admin.badges.Badge;
import com.salesos.admin.badges.Criterion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Badges and awards as Open Badges 3.0 JSON-LD (1EdTech): the issuer Profile, the Achievement and
 * the OpenBadgeCredential. Ids are URLs under the configured public base URL (PUBLIC_BASE_URL, never
 * a request header) and the API's public /openbadges routes; an achievement
 * is {@code <workspace>~<badge>}, a credential {@code <workspace>~<user>~<badge>}.
 */
final class OpenBadgesDocuments {

    static final List<String> CONTEXT = List.of("https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
    static final String SEPARATOR = com.salesos.admin.web.PathIds.SEPARATOR;

    private OpenBadgesDocuments() {
    }

    static String issuerId(String baseUrl, String workspaceId) {
        return baseUrl + "/openbadges/issuers/" + workspaceId;
    }

    static String achievementId(String baseUrl, String workspaceId, String badgeId) {
        return baseUrl + "/openbadges/achievements/" + workspaceId + SEPARATOR + badgeId;
    }

    /** An award's credential id as {@code GET /openbadges/credentials/{id}} takes it. */
    static String credentialRef(String workspaceId, String userId, String badgeId) {
        return workspaceId + SEPARATOR + userId + SEPARATOR + badgeId;
    }

    static String credentialId(String baseUrl, String workspaceId, String userId, String badgeId) {
        return baseUrl + "/openbadges/credentials/" + credentialRef(workspaceId, userId, badgeId);
    }

    static Map<String, Object> profile(String baseUrl, String workspaceId, String name) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("id", issuerId(baseUrl, workspaceId));
        profile.put("type", List.of("Profile"));
        profile.put("name", name);
        return profile;
    }

    static Map<String, Object> achievement(String baseUrl, String workspaceId, String workspaceName, Badge badge) {
        Map<String, Object> achievement = new LinkedHashMap<>();
        achievement.put("@context", CONTEXT);
        achievement.put("id", achievementId(baseUrl, workspaceId, badge.id()));
        achievement.put("type", List.of("Achievement"));
        achievement.put("name", badge.name());
        achievement.put("description", badge.description());
        achievement.put("criteria", Map.of("narrative", badge.narrative()));
        if (badge.hasImage()) {
            achievement.put("image", Map.of("id", baseUrl + "/openbadges/images/" + workspaceId + SEPARATOR + badge.id(),
                    "type", "Image"));
        }
        achievement.put("achievementType", "Achievement");
        achievement.put("creator", profile(baseUrl, workspaceId, workspaceName));
        achievement.put("resultDescription", List.of());
        achievement.put("tag", List.of(badge.criterion() instanceof Criterion.ActivityCount ? "activity" : "points"));
        return achievement;
    }

    /** The credential: the members of the VC-JWT's payload (see SignedCredentials). */
    static Map<String, Object> credential(String baseUrl, String workspaceId, String workspaceName, Badge badge, String userId,
                                          java.time.Instant awardedAt) {
        Map<String, Object> achievement = achievement(baseUrl, workspaceId, workspaceName, badge);
        achievement.remove("@context");
        Map<String, Object> subject = new LinkedHashMap<>();
        // A stable, opaque recipient id: no email or name of the person is published.
        subject.put("id", "urn:salesos:workspace:" + workspaceId + ":user:" + userId);
        subject.put("type", List.of("AchievementSubject"));
        subject.put("achievement", achievement);
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("@context", CONTEXT);
        credential.put("id", credentialId(baseUrl, workspaceId, userId, badge.id()));
        credential.put("type", List.of("VerifiableCredential", "OpenBadgeCredential"));
        credential.put("issuer", profile(baseUrl, workspaceId, workspaceName));
        // Whole seconds: the VC-JWT's nbf (NumericDate, seconds) then states exactly validFrom.
        credential.put("validFrom", awardedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        credential.put("name", badge.name());
        credential.put("credentialSubject", subject);
        return credential;
    }
}
