package com.salesos.admin.badges;

import com.salesos.admin.plans.Plan;
import com.salesos.admin.points.PointsLedger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * After points are booked, awards every badge whose criterion the user now meets, once each.
 * A reward can lift the points total over another badge's threshold, so evaluation repeats until
 * nothing new is awarded. Custom badges are awarded only while the plan has custom badges: after a
 * downgrade from Enterprise they and their awards stay visible, but no new ones are made.
 */
public final class BadgeAwarding {

    private static final int MAX_ROUNDS = 5;

    private final BadgeStore badges;
    private final PointsLedger ledger;
    private final PlanFeatures features;
    private final Clock clock;

    public BadgeAwarding(BadgeStore badges, PointsLedger ledger, PlanFeatures features, Clock clock) {
        this.badges = badges;
        this.ledger = ledger;
        this.features = features;
        this.clock = clock;
    }

    /** The badges awarded by this evaluation. */
    public List<Badge> evaluate(String workspaceId, String userId) {
        List<Badge> candidates = new ArrayList<>(Badge.DEFAULTS);
        if (features.has(workspaceId, Plan.CUSTOM_BADGES)) {
            candidates.addAll(badges.listCustom(workspaceId));
        }
        List<Badge> awarded = new ArrayList<>();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            PointsLedger.Standing standing = ledger.standing(workspaceId, userId);
            boolean awardedThisRound = false;
            for (Badge badge : candidates) {
                if (!awarded.contains(badge) && badge.criterion().isMetBy(standing)
                        && !badges.hasAward(workspaceId, userId, badge.id())
                        && badges.award(workspaceId, userId, badge, clock.instant())) {
                    awarded.add(badge);
                    awardedThisRound |= badge.pointReward() > 0;
                }
            }
            if (!awardedThisRound) {
                break;
            }
        }
        return awarded;
    }
}
