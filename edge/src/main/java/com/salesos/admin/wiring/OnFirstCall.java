package com.salesos.admin.wiring;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;

/**
 * A port of the domain (a small interface such as {@code InvitationMailer}) whose adapter is built
 * on the port's first call. For ports whose adapter builds an SDK client that most requests never
 * call (Cognito for the accept, SES for sending): building a client loads a few hundred classes,
 * and a cold start should pay for that only on the request that uses it. Under SnapStart the
 * priming builds every one before the snapshot ({@link #buildAll}).
 *
 * <p>Only for domain ports: a JDK proxy resolves every type its interface names when it is made,
 * which for a port is a handful of domain classes, but for an SDK client would be its whole model.
 */
public final class OnFirstCall<T> implements InvocationHandler {

    private final Class<T> port;
    private final Supplier<? extends T> build;
    private volatile T adapter;

    private OnFirstCall(Class<T> port, Supplier<? extends T> build) {
        this.port = port;
        this.build = build;
    }

    public static <T> T of(Class<T> port, Supplier<? extends T> build) {
        if (!port.isInterface()) {
            throw new IllegalArgumentException(port + " is not an interface");
        }
        OnFirstCall<T> handler = new OnFirstCall<>(port, build);
        synchronized (MADE) {
            MADE.put(handler, Boolean.TRUE);
        }
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, handler));
    }

    /** Builds every adapter not built yet, of every port made in this JVM: what the priming calls. */
    public static void buildAll() {
        List<OnFirstCall<?>> made;
        synchronized (MADE) {
            made = new ArrayList<>(MADE.keySet());
        }
        made.forEach(OnFirstCall::adapter);
    }

    /** Weak: a port goes when the context that made it does. */
    private static final Map<OnFirstCall<?>, Boolean> MADE = new WeakHashMap<>();

    private T adapter() {
        T built = adapter;
        if (built == null) {
            synchronized (this) {
                built = adapter;
                if (built == null) {
                    built = build.get();
                    adapter = built;
                }
            }
        }
        return built;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> port.getSimpleName() + " (built on first call)";
            };
        }
        try {
            return method.invoke(adapter(), args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
