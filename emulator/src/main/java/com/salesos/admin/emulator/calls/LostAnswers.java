package com.salesos.admin.emulator.calls;

import java.net.SocketTimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Loses the answer to one request after the emulator has applied it, as a read timeout does: the
 * request reached the service and changed it, the caller never hears so, and the SDK retries it
 * (a timeout's cause is an {@link java.io.IOException}, which every retry strategy retries). What
 * the retry then finds is what code must be ready for: its own write already made. An SDK global
 * interceptor (listed in this module's {@code execution.interceptors}); idle until a test arms it.
 */
public final class LostAnswers implements ExecutionInterceptor {

    private static final AtomicReference<Predicate<SdkRequest>> ARMED = new AtomicReference<>();
    private static final AtomicInteger LOST = new AtomicInteger();

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        Predicate<SdkRequest> which = ARMED.get();
        if (which != null && which.test(context.request()) && ARMED.compareAndSet(which, null)) {
            LOST.incrementAndGet();
            throw SdkClientException.builder().message("injected: the answer to this request was lost")
                    .cause(new SocketTimeoutException("Read timed out")).build();
        }
    }

    /** The answer to the next request {@code which} matches is lost, once. */
    public static void loseNext(Predicate<SdkRequest> which) {
        ARMED.set(which);
    }

    /** How many answers have been lost so far (a test checks that its fault fired). */
    public static int lost() {
        return LOST.get();
    }

    public static void disarm() {
        ARMED.set(null);
    }
}
