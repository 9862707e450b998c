package com.salesos.admin.functions.exportworker;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Fault injection around a real adapter: the n-th call of one method fails, every other call goes through. */
final class Faults {

    private Faults() {
    }

    static <T> T failOnCall(Class<T> port, T real, String method, int nth, Supplier<RuntimeException> fault) {
        AtomicInteger calls = new AtomicInteger();
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, called, args) -> {
            if (called.getName().equals(method) && calls.incrementAndGet() == nth) {
                throw fault.get();
            }
            try {
                return called.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }
}
