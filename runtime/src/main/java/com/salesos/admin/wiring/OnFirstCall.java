package com.salesos.admin.wiring;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A port of the domain (a small interface such as {@code InvitationMailer}) whose adapter is built
 * on the port's first call. For ports whose adapter builds an SDK client that most requests never
 * call (Cognito for the accept, SES for sending): building a client loads a few hundred classes,
 * and a cold start should pay for that only on the request that uses it. Made by a context's
 * {@link FirstCalls}, which the SnapStart priming asks to build every one before the snapshot.
 *
 * <p>Only for domain ports: a JDK proxy resolves every type its interface names when it is made,
 * which for a port is a handful of domain classes, but for an SDK client would be its whole model.
 */
public final class OnFirstCall<T> implements InvocationHandler {

    private final Class<T> port;
    private final Supplier<? extends T> build;
    private volatile T adapter;
    // The proxy hands over the same Method object for every call of one method. Made accessible once:
    // Method.invoke otherwise looks up its caller's class on every call (Reflection.getCallerClass),
    // which was about 2% of a warm GET /v1/me's processor time outside the SDK (docs/benchmarks.md).
    private final Map<Method, Method> callable = new ConcurrentHashMap<>();

    OnFirstCall(Class<T> port, Supplier<? extends T> build) {
        if (!port.isInterface()) {
            throw new IllegalArgumentException(port + " is not an interface");
        }
        this.port = port;
        this.build = build;
    }

    /** The port's proxy: its first call builds the adapter, every call goes to it. */
    T proxy() {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, this));
    }

    T adapter() {
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
            return callable.computeIfAbsent(method, OnFirstCall::accessible).invoke(adapter(), args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A public method of the port (a public interface of ours, in the unnamed module): always allowed. */
    private static Method accessible(Method method) {
        method.setAccessible(true);
        return method;
    }
}
