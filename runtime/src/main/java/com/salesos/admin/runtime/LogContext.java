package com.salesos.admin.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.Optional;

/**
 * The correlation of the invocation in progress, for every line written while it runs, whichever
 * writer (our code through {@link LogLine}, a library through SLF4J) writes it.
 *
 * <p>Held per thread, so that the local server, which serves requests concurrently, never stamps one
 * request's ids on another's line. A Lambda container runs one invocation at a time, so there a line
 * written on another thread (an SDK or Netty callback) takes the current invocation's ids too.
 */
public final class LogContext {

    /** Set by the Java runtime per invocation; the environment variable only holds the first one. */
    static final String TRACE_PROPERTY = "com.amazonaws.xray.traceHeader";

    private static final ThreadLocal<Correlation> CURRENT = new ThreadLocal<>();
    private static volatile Correlation invocation = Correlation.NONE;
    /**
     * Lambda's runtime sets this for every function; bin/local and the tests on the build's classpath
     * never do (the JVMs started for one function, by PackagedFunctionsStartTest and the
     * benchmarks, get it as in Lambda: one invocation at a time there too).
     */
    private static final boolean IN_LAMBDA = System.getenv("AWS_LAMBDA_FUNCTION_NAME") != null;

    private LogContext() {
    }

    /** Starts an invocation's correlation; ids not given are read from the Lambda context, if any. */
    public static Correlation begin(Optional<Context> lambda, String apiRequestId, String traceHeader) {
        String function = lambda.map(Context::getFunctionName).orElse("local");
        // Locally there is no Lambda request id; a fresh one still ties a request's lines together.
        String requestId = lambda.map(Context::getAwsRequestId).orElseGet(() -> java.util.UUID.randomUUID().toString());
        String trace = Correlation.traceRoot(Optional.ofNullable(System.getProperty(TRACE_PROPERTY)).orElse(traceHeader));
        Correlation started = new Correlation(function, requestId, apiRequestId, trace, null, null);
        set(started);
        return started;
    }

    /** Adds the workspace and caller the access filter resolved. */
    public static void identify(String workspaceId, String callerId) {
        set(current().identified(workspaceId, callerId));
    }

    /** The correlation for a line written now. */
    public static Correlation current() {
        Correlation mine = CURRENT.get();
        return mine != null ? mine : IN_LAMBDA ? invocation : Correlation.NONE;
    }

    /** Ends the invocation on this thread. */
    public static void end() {
        CURRENT.remove();
        invocation = Correlation.NONE;
    }

    private static void set(Correlation correlation) {
        CURRENT.set(correlation);
        invocation = correlation;
    }
}
