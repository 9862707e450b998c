package com.salesos.admin.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/** Warm-up, timing and percentiles for the warm probes; depends on nothing but the JDK and event types. */
final class Timing {

    private Timing() {
    }

    /**
     * Warms {@code handler} with {@code n} requests, then times {@code n} more and prints their
     * medians, if every timed request answered {@code expectedStatus}; otherwise it prints what they
     * answered and no figure, since a refusal's or a failure's time is another request's. Each timed
     * request's event is made before its timing starts: Lambda's runtime hands the handler an event
     * it has already read, so making one (its request id is a random UUID, read from the system's
     * random source) is not the handler's time.
     */
    static void report(String name, int n, int expectedStatus, java.util.function.LongSupplier sdkNanos,
                       Supplier<APIGatewayV2HTTPEvent> events, Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
        report(name, n, expectedStatus, sdkNanos, () -> { }, events, handler);
    }

    /**
     * The same, with {@code before} run (untimed) before every request, warm-up and timed alike: to
     * time a request on the footing it has in a function that also serves requests to the store,
     * which leave the processor's caches full of the SDK's work (see docs/benchmarks.md).
     */
    static void report(String name, int n, int expectedStatus, java.util.function.LongSupplier sdkNanos, Runnable before,
                       Supplier<APIGatewayV2HTTPEvent> events, Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
        for (int i = 0; i < n; i++) {
            before.run();
            handler.apply(events.get());
        }
        long[] total = new long[n];
        long[] overhead = new long[n];
        SortedSet<Integer> statuses = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            before.run();
            APIGatewayV2HTTPEvent event = events.get();
            long sdkBefore = sdkNanos.getAsLong();
            long start = System.nanoTime();
            APIGatewayV2HTTPResponse response = handler.apply(event);
            total[i] = System.nanoTime() - start;
            overhead[i] = total[i] - (sdkNanos.getAsLong() - sdkBefore);
            statuses.add(response.getStatusCode());
        }
        if (!statuses.equals(Set.of(expectedStatus))) {
            System.out.printf(Locale.ROOT, "WARM %s answered %s, not %d: no figure%n", name, statuses, expectedStatus);
            return;
        }
        System.out.printf(Locale.ROOT, "WARM %s status=%d n=%d total_median_ms=%.3f overhead_median_ms=%.3f overhead_p90_ms=%.3f%n",
                name, expectedStatus, n, median(total) / 1e6, median(overhead) / 1e6, percentile(overhead, 0.9) / 1e6);
    }

    /**
     * Runs a probe's main and ends its JVM: with status 0, or 1 after printing what failed (the
     * SDK's and the context's threads would otherwise keep a failed probe alive, and the bench
     * waiting on it).
     */
    static void halting(Runnable probe) {
        int status = 0;
        try {
            probe.run();
        } catch (RuntimeException | Error e) {
            e.printStackTrace();
            status = 1;
        }
        System.out.flush();
        Runtime.getRuntime().halt(status);
    }

    /** Fails the probe if an untimed request answered otherwise: one that failed fast did not do the work it stands for. */
    static void expect(int status, APIGatewayV2HTTPResponse response, String what) {
        if (response.getStatusCode() != status) {
            throw new IllegalStateException(what + " answered " + response.getStatusCode() + ", not " + status);
        }
    }

    static void reportRegistration(String name, int n, Runnable call) {
        for (int i = 0; i < n; i++) {
            call.run();
        }
        long[] times = new long[n];
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            call.run();
            times[i] = System.nanoTime() - start;
        }
        System.out.printf(Locale.ROOT, "WARM %s n=%d median_ms=%.4f%n", name, n, median(times) / 1e6);
    }

    static double median(long[] values) {
        return percentile(values, 0.5);
    }

    static double percentile(long[] values, double p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    }
}
