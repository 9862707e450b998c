package com.salesos.admin.aws.table;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The lease of a queued job (an export, a deal reassignment): a worker claims the job by writing
 * its own {@code leaseId} and a {@code leaseUntil} (epoch milliseconds), conditions every write it
 * makes on holding it, and gives it up when it stops early.
 *
 * <p>These writes are single conditional updates, and the SDK retries a request whose answer was
 * lost (a read timeout) although DynamoDB may have applied it. So each is written to succeed again
 * when its own earlier try did: a claim also succeeds on a lease that is already its own, and a
 * release lets the lease expire ({@code leaseUntil = 0}) instead of removing it, so the retry still
 * finds the lease it holds. Read as "busy" or "lease lost", either retry would drop the job's
 * message with nobody working on the job, which would then stay running (and hold its workspace's
 * or user's active slot) for good.
 */
public final class Leases {

    /** A worker's write: the job is running under this worker's lease. */
    public static final String HELD = "leaseId = :lease AND #status = :running";
    /** A claim: no lease, an expired one, or this claim's own (its retry after a lost answer). */
    public static final String CLAIMABLE = "(attribute_not_exists(leaseUntil) OR leaseUntil < :nowMillis OR leaseId = :lease)";
    /** Giving the lease up: it expires at once, and the next claim takes the job. */
    public static final String RELEASE = "leaseUntil = :released";

    private Leases() {
    }

    /** The value {@link #RELEASE} names. */
    public static Map<String, AttributeValue> releaseValues() {
        return Map.of(":released", Item.n(0));
    }
}
