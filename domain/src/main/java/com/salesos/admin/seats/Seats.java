package com.salesos.admin.seats;

import java.time.Instant;
import java.util.Optional;

/**
 * A workspace's seat account: seats in use are active users plus pending invitations; the plan
 * sets the limit. The store keeps these counters and changes them only in the same transaction
 * as the user or invitation they count. A pending downgrade lowers the limit at once; then
 * {@code lowered} says to which tier and from when, so a refusal can say why.
 */
public record Seats(long limit, long active, long pending, Optional<LoweredLimit> lowered) {

    /** The limit already follows a downgrade to {@code tier} that takes effect at {@code effectiveAt}. */
    public record LoweredLimit(String tier, Instant effectiveAt) {
    }

    public Seats(long limit, long active, long pending) {
        this(limit, active, pending, Optional.empty());
    }

    public long used() {
        return active + pending;
    }

    public long available() {
        return Math.max(0, limit - used());
    }
}
