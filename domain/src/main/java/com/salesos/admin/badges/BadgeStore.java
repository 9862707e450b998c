package com.salesos.admin.badges;

import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.common.IdempotencyKey;
import com.salesos.admin.common.Page;
import com.salesos.admin.common.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: custom badges and awards. */
public interface BadgeStore {

    List<Badge> listCustom(String workspaceId);

    Optional<Badge> findCustom(String workspaceId, String badgeId);

    /**
     * Stores a new custom badge unless the workspace already has {@code max}, counted in the same
     * write; with a key, a retry of the same creation stores nothing and answers what the first one made.
     */
    Creation create(String workspaceId, Badge badge, AuditEvent audit, Optional<IdempotencyKey> key, int max);

    sealed interface Creation {
        record Created() implements Creation {
        }

        /** The key was used before: for this badge, and whether for the same request. */
        record Replayed(IdempotencyKey.Replay replay) implements Creation {
        }

        /** The workspace already has as many custom badges as it may. */
        record LimitReached() implements Creation {
        }
    }

    /**
     * Replaces a custom badge with {@code updated} if it is still {@code current} as read; false when
     * it was changed or deleted meanwhile (two admins' edits, or an edit and an image, never undo
     * each other silently).
     */
    boolean update(String workspaceId, Badge current, Badge updated, AuditEvent audit);

    /** Deletes the custom badge; false when it is already gone. */
    boolean delete(String workspaceId, Badge badge, AuditEvent audit);

    /**
     * Awards the badge once: the award with its signed credential, and its point reward (a ledger
     * entry and the addition to the user's total), commit together; false if the user already had
     * it or the reward would take the total past its ceiling.
     */
    boolean award(String workspaceId, String userId, Badge badge, Instant at, String credential);

    /** The credential stored with an award when it was made (see {@link CredentialIssuer}). */
    Optional<String> findCredential(String workspaceId, String userId, String badgeId);

    /** The ids of the badges the user holds. */
    java.util.Set<String> awardedBadgeIds(String workspaceId, String userId);

    Optional<Award> findAward(String workspaceId, String userId, String badgeId);

    Page<Award> awards(String workspaceId, Optional<String> userId, PageRequest page);

    record Award(String id, String badgeId, String badgeName, String userId, Instant awardedAt) {
    }
}
