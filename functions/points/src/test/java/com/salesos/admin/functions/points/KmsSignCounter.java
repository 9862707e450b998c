package com.salesos.admin.functions.points;

import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.kms.model.SignRequest;

/**
 * Counts KMS Sign calls made by any SDK client in the test JVM. Registered as an SDK global
 * interceptor (test resources: software/amazon/awssdk/global/handlers/execution.interceptors), so
 * the function's own KMS client is observed without changing its wiring.
 */
public final class KmsSignCounter implements ExecutionInterceptor {

    private static final AtomicInteger SIGNS = new AtomicInteger();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (context.request() instanceof SignRequest) {
            SIGNS.incrementAndGet();
        }
    }

    static void reset() {
        SIGNS.set(0);
    }

    static int signs() {
        return SIGNS.get();
    }
}
