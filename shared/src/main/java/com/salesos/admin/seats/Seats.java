package com.salesos.admin.seats;

/**
 * A workspace's seat account: seats in use are active users plus pending invitations; the plan
 * sets the limit. The store keeps these counters and changes them only in the same transaction
 * as the user or invitation they count.
 */
public record Seats(long limit, long active, long pending) {

    public long used() {
        return active + pending;
    }

    public long available() {
        return Math.max(0, limit - used());
    }
}
