package com.salesos.admin.functions.deletionworker;

import com.salesos.admin.emulator.calls.Caller;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Makes one AWS call of the function fail, as a crash in the middle of the purge would: the
 * {@code n}th request of a given type the function's code sends throws before it reaches the
 * emulator. An SDK global interceptor (test resources:
 * software/amazon/awssdk/global/handlers/execution.interceptors); the test's own calls pass.
 */
public final class InjectedFaults implements ExecutionInterceptor {

    private static volatile Class<?> requestType;
    private static final AtomicInteger COUNTDOWN = new AtomicInteger();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        Class<?> type = requestType;
        if (type == null || !type.isInstance(context.request()) || Caller.current() == null) {
            return;
        }
        if (COUNTDOWN.decrementAndGet() == 0) {
            requestType = null;
            throw SdkClientException.create("injected: the worker crashed at this " + type.getSimpleName());
        }
    }

    /** The {@code nth} request of this type the function sends from now on fails, once. */
    static void failNth(Class<?> type, int nth) {
        COUNTDOWN.set(nth);
        requestType = type;
    }

    static void clear() {
        requestType = null;
    }
}
