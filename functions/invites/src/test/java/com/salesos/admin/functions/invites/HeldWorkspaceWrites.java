package com.salesos.admin.functions.invites;

import com.salesos.admin.emulator.calls.Caller;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * Holds a function's DynamoDB transactions at the door while armed: the requests have passed the
 * access filter (which looked at the deletion lock) and wait, so a test can confirm the deletion
 * in between and then let them go, the race a read-then-write gate would lose. An SDK global
 * interceptor (test resources: software/amazon/awssdk/global/handlers/execution.interceptors);
 * the test's own calls (no function running) pass.
 */
public final class HeldWorkspaceWrites implements ExecutionInterceptor {

    private static volatile CountDownLatch release;
    private static final Semaphore ARRIVED = new Semaphore(0);

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        CountDownLatch gate = release;
        if (gate == null || !(context.request() instanceof TransactWriteItemsRequest) || Caller.current() == null) {
            return;
        }
        ARRIVED.release();
        try {
            if (!gate.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("held transaction never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** From now on every function transaction waits until {@link #releaseAll()}. */
    static void hold() {
        ARRIVED.drainPermits();
        release = new CountDownLatch(1);
    }

    /** Waits until {@code count} transactions are being held. */
    static void awaitHeld(int count) throws InterruptedException {
        if (!ARRIVED.tryAcquire(count, 60, TimeUnit.SECONDS)) {
            throw new AssertionError("fewer than " + count + " transactions arrived");
        }
    }

    static void releaseAll() {
        CountDownLatch gate = release;
        release = null;
        if (gate != null) {
            gate.countDown();
        }
    }
}
