package com.salesos.admin.plans;

import java.time.Instant;

/** What an upgrade costs, as recorded by the billing gateway. Its id makes recording idempotent. */
public record Charge(String id, String workspaceId, Money amount, String fromTier, String toTier,
                     Instant createdAt, String createdBy, BillingPeriod period) {
}
