package com.salesos.admin.plans;

import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.common.Page;
import com.salesos.admin.common.PageRequest;
import com.salesos.admin.seats.Seats;
import java.time.Instant;
import java.util.Optional;

/**
 * Port: subscriptions and plan changes. The workspace's effective seat limit changes in the same
 * conditional write as the plan, so seat-taking transactions always check the right limit: an
 * upgrade raises it at once; scheduling a downgrade lowers it at once (refused if seats in use
 * are above the new limit), so nothing can take a seat beyond it while the change is pending.
 */
public interface PlanStore {

    Subscription subscription(String workspaceId);

    /**
     * Applies an upgrade now, replacing any pending downgrade, with {@code seatLimit} as the plan's
     * and the effective limit, and keeps its charge to be recorded.
     */
    Outcome upgrade(Subscription current, Plan to, long seatLimit, Charge charge, AuditEvent audit);

    /** Schedules a downgrade, lowering the effective limit to {@code seatLimit} at once. */
    Outcome scheduleDowngrade(Subscription current, Plan to, long seatLimit, Instant effectiveAt, AuditEvent audit);

    /** Cancels the pending downgrade and restores the workspace's plan seat limit ({@link Subscription#planSeatLimit}). */
    Outcome cancelPending(Subscription current, AuditEvent audit);

    /**
     * One page of the workspaces whose pending downgrade is due at {@code now}, from an index of
     * due changes, earliest first; {@code after} is the previous page's cursor.
     */
    Page<Subscription> dueDowngrades(Instant now, int limit, Optional<String> after);

    /** Applies a due downgrade once: a second run (or a concurrent one) finds it applied. */
    Outcome applyDowngrade(Subscription due, BillingPeriod newAnchor, AuditEvent audit);

    /** One page of the charges kept by upgrades that the gateway has not confirmed yet (for the retry sweep). */
    Page<Charge> unrecordedCharges(Instant createdBefore, int limit, Optional<String> after);

    void markRecorded(Charge charge);

    Page<Charge> charges(String workspaceId, PageRequest page);

    sealed interface Outcome {
        record Done() implements Outcome {
        }

        /** Seats in use are above the limit the change would set. */
        record OverLimit(Seats seats) implements Outcome {
        }

        /** The subscription changed meanwhile (another change, a cancel, a run of the scheduler). */
        record Stale() implements Outcome {
        }
    }
}
