package com.salesos.admin.plans;

import java.time.Instant;
import java.util.Optional;

/**
 * A workspace's plan: the tier, the plan's seat limit for this workspace, the billing period it
 * anchors on, and a downgrade waiting for the end of the period, if any.
 *
 * <p>{@code planSeatLimit} is the catalogue's limit for the tier, or the one support granted when
 * it provisioned the workspace (docs/plans.md, "Seat limits across plan changes"). A pending
 * downgrade lowers the effective limit at once; this one is what cancelling it restores.
 */
public record Subscription(String workspaceId, String tier, long planSeatLimit, BillingPeriod anchor,
                           Optional<PendingChange> pending) {

    public record PendingChange(String tier, Instant effectiveAt) {
    }

    public BillingPeriod currentPeriod(Instant now) {
        return anchor.current(now);
    }

    /** An upgrade never takes seats away: the new plan's limit, or more if this workspace had more. */
    public long seatLimitAfterUpgradeTo(Plan to) {
        return Math.max(planSeatLimit, to.seatLimit());
    }

    /** A downgrade never adds seats: the new plan's limit, or fewer if this workspace had fewer. */
    public long seatLimitAfterDowngradeTo(Plan to) {
        return Math.min(planSeatLimit, to.seatLimit());
    }
}
