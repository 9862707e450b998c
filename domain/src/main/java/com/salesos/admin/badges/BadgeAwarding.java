package com.salesos.admin.badges;

import com.salesos.admin.plans.Plan;
import com.salesos.admin.points.PointsLedger;
import com.salesos.admin.points.Rewards;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;

/**
 * After points are booked, awards every badge whose criterion the user now meets, once each.
 * A reward can lift the points total over another badge's threshold, so evaluation repeats until
 * nothing new is awarded. Custom badges are awarded only while the plan has custom badges: after a
 * downgrade from Enterprise they and their awards stay visible, but no new ones are made.
 */
public final class BadgeAwarding implements Rewards {

    private static final int MAX_ROUNDS = 5;

    private final BadgeStore badges;
    private final PointsLedger ledger;
    private final PlanFeatures features;
    private final CredentialIssuer credentials;
    private final Clock clock;

    public BadgeAwarding(BadgeStore badges, PointsLedger ledger, PlanFeatures features, CredentialIssuer credentials,
                         Clock clock) {
        this.badges = badges;
        this.ledger = ledger;
        this.features = features;
        this.credentials = credentials;
        this.clock = clock;
    }

    /** The ids of the badges awarded by this evaluation. */
    @Override
    public List<String> evaluate(String workspaceId, String userId) {
        List<Badge> candidates = new ArrayList<>(Badge.DEFAULTS);
        List<Badge> custom = badges.listCustom(workspaceId);
        if (!custom.isEmpty() && features.has(workspaceId, Plan.CUSTOM_BADGES)) {
            candidates.addAll(custom);
        }
        Set<String> held = new HashSet<>(badges.awardedBadgeIds(workspaceId, userId));
        candidates.removeIf(badge -> held.contains(badge.id()));
        List<Badge> awarded = new ArrayList<>();
        for (int round = 0; round < MAX_ROUNDS && !candidates.isEmpty(); round++) {
            PointsLedger.Standing standing = ledger.standing(workspaceId, userId);
            boolean rewardGiven = false;
            for (Badge badge : List.copyOf(candidates)) {
                // The award write is conditional, so a concurrent evaluation that won leaves this one false.
                if (badge.criterion().isMetBy(standing)) {
                    candidates.remove(badge);
                    // Signed before the award commits and stored in the same transaction: an award
                    // always has its credential, and no reader ever has to sign. If signing fails,
                    // nothing is awarded and the next booked activity tries again.
                    Instant at = clock.instant();
                    if (badges.award(workspaceId, userId, badge, at, credentials.issue(workspaceId, userId, badge, at))) {
                        awarded.add(badge);
                        rewardGiven |= badge.pointReward() > 0;
                    }
                }
            }
            if (!rewardGiven) {
                break;
            }
        }
        return awarded.stream().map(Badge::id).toList();
    }
}
