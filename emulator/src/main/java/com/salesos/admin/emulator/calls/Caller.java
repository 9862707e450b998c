package com.salesos.admin.emulator.calls;

import java.util.function.Supplier;

/**
 * Who is making the AWS calls on this thread: a function of the template (its code, or Lambda's
 * event source mapping polling for it with the function's role), or nobody, meaning the test
 * itself (seeding, assertions), whose calls need no IAM and are not recorded.
 * <p>
 * SDK clients here are synchronous, so a call runs on the thread that asked for it; a thread-local
 * set around each handler invocation is therefore enough to attribute it.
 */
public record Caller(String function, Principal principal) {

    /** Whose identity the deployed call would carry; both use the function's execution role. */
    public enum Principal {
        /** The function's own code. */
        CODE,
        /** Lambda's SQS event source mapping (receive, delete) on behalf of the function. */
        EVENT_SOURCE
    }

    private static final ThreadLocal<Caller> CURRENT = new ThreadLocal<>();

    /** The caller of the calls this thread makes now, or null for the test itself. */
    public static Caller current() {
        return CURRENT.get();
    }

    /** Runs {@code work} with its AWS calls attributed to this caller. */
    public <T> T run(Supplier<T> work) {
        Caller outer = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    public static Caller code(String function) {
        return new Caller(function, Principal.CODE);
    }

    public static Caller eventSource(String function) {
        return new Caller(function, Principal.EVENT_SOURCE);
    }
}
