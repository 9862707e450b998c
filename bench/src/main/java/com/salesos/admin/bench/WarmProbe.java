package com.salesos.admin.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.DefaultLambdaContextFactory;
import io.micronaut.function.aws.LambdaApplicationContextBuilder;
import io.micronaut.function.aws.LambdaContextFactory;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Runs in a JVM with the deployed jar and Lambda's JVM flags: warms the handler with N requests,
 * then times N more, subtracting the time spent inside AWS SDK calls (SDK metrics) so that what
 * remains is our code plus the framework.
 */
public final class WarmProbe {

    private WarmProbe() {
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[1]);
        if (args[0].equals("--baseline")) {
            // Runs on the baseline's own classpath (Jackson), which the function jar does not have.
            PlainAcceptHandler plain = new PlainAcceptHandler();
            report("baseline-accept-invalid", n, new SdkCallTime(), () -> plain.handleRequest(
                    ProbeEvents.event("POST", "/v1/invitations/accept", "{}", null), new ProbeContext()));
            Runtime.getRuntime().halt(0);
        }
        String subject = args[0];
        SdkCallTime sdk = new SdkCallTime();
        ApplicationContext context = new LambdaApplicationContextBuilder().singletons(sdk).build();
        APIGatewayV2HTTPEventFunction function = new APIGatewayV2HTTPEventFunction(context);
        System.out.println("WARM lambdaContextFactory=" + context.getBean(LambdaContextFactory.class).getClass().getSimpleName());

        report("list-invitations", n, sdk, () -> function.handleRequest(
                ProbeEvents.event("GET", "/v1/invitations", null, subject), new ProbeContext()));
        report("accept-invalid", n, sdk, () -> function.handleRequest(
                ProbeEvents.event("POST", "/v1/invitations/accept", "{}", null), new ProbeContext()));

        // What the replaced factory costs per invocation, in this same JVM and bean context.
        DefaultLambdaContextFactory stock = new DefaultLambdaContextFactory(context);
        LambdaContextFactory ours = context.getBean(LambdaContextFactory.class);
        reportRegistration("stock-registerSingletons", n, () -> stock.registerSingletons(new ProbeContext()));
        reportRegistration("our-registerSingletons", n, () -> ours.registerSingletons(new ProbeContext()));
        Runtime.getRuntime().halt(0);
    }

    private static void report(String name, int n, SdkCallTime sdk, Supplier<APIGatewayV2HTTPResponse> call) {
        int status = 0;
        for (int i = 0; i < n; i++) {
            status = call.get().getStatusCode();
        }
        long[] total = new long[n];
        long[] overhead = new long[n];
        for (int i = 0; i < n; i++) {
            long sdkBefore = sdk.totalNanos();
            long start = System.nanoTime();
            call.get();
            total[i] = System.nanoTime() - start;
            overhead[i] = total[i] - (sdk.totalNanos() - sdkBefore);
        }
        System.out.printf(Locale.ROOT, "WARM %s status=%d n=%d total_median_ms=%.3f overhead_median_ms=%.3f overhead_p90_ms=%.3f%n",
                name, status, n, median(total) / 1e6, median(overhead) / 1e6, percentile(overhead, 0.9) / 1e6);
    }

    private static void reportRegistration(String name, int n, Runnable call) {
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
