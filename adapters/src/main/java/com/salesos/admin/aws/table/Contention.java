package com.salesos.admin.aws.table;

import com.salesos.admin.problems.StoreBusy;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * What real DynamoDB does under concurrency and the one-request-at-a-time emulator hides: two
 * transactions touching the same item at the same moment make DynamoDB cancel one with reason
 * {@code TransactionConflict}, and a throttled partition cancels with {@code ThrottlingError}. The
 * SDK retries neither on its own (a cancellation is a 400), so every DynamoDB client retries them
 * here, with the SDK's standard strategy (jittered exponential backoff, plus the throttling errors it
 * already retries), and whatever is still refused after the last try ({@link #isBusy}) is answered
 * as {@link StoreBusy} (503 with Retry-After) instead of an unexplained 500.
 *
 * <p>A cancellation with any {@code ConditionalCheckFailed} is never retried here: that is a rule
 * saying no (a seat, the last Admin, a duplicate), which the adapters translate themselves.
 */
public final class Contention {

    /** Five tries: backoff of at most 20, 40, 80, 160 ms (full jitter), well inside any function's timeout. */
    public static final int MAX_ATTEMPTS = 5;
    static final Duration BASE_DELAY = Duration.ofMillis(20);
    static final Duration MAX_DELAY = Duration.ofMillis(500);

    private static final Set<String> TRANSIENT = Set.of("TransactionConflict", "ThrottlingError");
    private static final Set<String> BYSTANDER = Set.of("None");

    private Contention() {
    }

    /** True for a transaction cancelled only because of contention or throttling. */
    public static boolean isTransientCancellation(Throwable failure) {
        if (!(failure instanceof TransactionCanceledException cancelled) || !cancelled.hasCancellationReasons()) {
            return false;
        }
        List<String> codes = cancelled.cancellationReasons().stream().map(CancellationReason::code).toList();
        return codes.stream().anyMatch(TRANSIENT::contains)
                && codes.stream().allMatch(code -> code == null || TRANSIENT.contains(code) || BYSTANDER.contains(code));
    }

    /** The retry strategy of every DynamoDB client. */
    public static RetryStrategy retryStrategy() {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(MAX_ATTEMPTS)
                .retryOnException(Contention::isTransientCancellation)
                .backoffStrategy(BackoffStrategy.exponentialDelay(BASE_DELAY, MAX_DELAY))
                .build();
    }

    /**
     * What is still refused after the last try: a transient cancellation, or DynamoDB throttling
     * the SDK gave up on. The HTTP edge answers {@link StoreBusy} for it (the SDK does not let an
     * interceptor replace an exception with one of another type).
     */
    public static boolean isBusy(Throwable failure) {
        return isTransientCancellation(failure)
                || failure instanceof DynamoDbException dynamo && dynamo.isThrottlingException();
    }
}
