package com.salesos.admin.wiring;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The ports of one context whose adapters are built on their first call ({@link OnFirstCall}).
 * Kept per context, not per JVM, so that the SnapStart priming ({@link #buildAll}) builds this
 * context's adapters only (the tests run many contexts in one JVM, most of them closed).
 */
@Singleton
public final class FirstCalls {

    private final List<OnFirstCall<?>> made = new ArrayList<>();

    /** {@code port}, whose adapter {@code build} makes on the port's first call. */
    public <T> T of(Class<T> port, Supplier<? extends T> build) {
        OnFirstCall<T> handler = new OnFirstCall<>(port, build);
        synchronized (made) {
            made.add(handler);
        }
        return handler.proxy();
    }

    /** Builds every adapter of this context's ports not built yet: what the priming calls. */
    public void buildAll() {
        List<OnFirstCall<?>> ports;
        synchronized (made) {
            ports = new ArrayList<>(made);
        }
        ports.forEach(OnFirstCall::adapter);
    }
}
