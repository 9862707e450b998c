package com.salesos.admin.plans;

import java.time.Instant;
import java.util.Optional;

/**
 * A workspace's plan: the tier, the billing period it anchors on, and a downgrade waiting for the
 * end of the period, if any.
 */
public record Subscription(String workspaceId, String tier, BillingPeriod anchor, Optional<PendingChange> pending) {

    public record PendingChange(String tier, Instant effectiveAt) {
    }

    public BillingPeriod currentPeriod(Instant now) {
        return anchor.current(now);
    }
}
