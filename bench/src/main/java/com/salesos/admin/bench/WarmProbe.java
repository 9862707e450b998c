package com.salesos.admin.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.DefaultLambdaContextFactory;
import io.micronaut.function.aws.LambdaContextFactory;
import com.salesos.admin.lambda.AdminHttpFunction;

/**
 * Runs in a JVM with the deployed jar and Lambda's JVM flags: warms the handler with N requests,
 * then times N more, subtracting the time spent inside AWS SDK calls (SDK metrics) so that what
 * remains is our code plus the framework.
 */
public final class WarmProbe {

    private WarmProbe() {
    }

    /**
     * Arguments: requests per case, then groups of five (name, method, path, body or "-", the status
     * every timed request must answer), then
     * optionally "--subject" and the caller's sub claim, "--after" and a method and path to send
     * (untimed, as the same caller; it must answer 200) before every request of every case, and
     * "--registration" to time the Lambda context factories as well.
     */
    public static void main(String[] args) {
        Timing.halting(() -> probe(args));
    }

    private static void probe(String[] args) {
        int n = Integer.parseInt(args[0]);
        java.util.List<String> rest = java.util.Arrays.asList(args).subList(1, args.length);
        String subject = rest.contains("--subject") ? rest.get(rest.indexOf("--subject") + 1) : null;
        SdkCallTime sdk = new SdkCallTime();
        // The template's handler, on a context that also holds the SDK metrics publisher.
        AdminHttpFunction function = new AdminHttpFunction(AdminHttpFunction.contextBuilder().singletons(sdk));
        ApplicationContext context = function.getApplicationContext();
        System.out.println("WARM lambdaContextFactory=" + context.getBean(LambdaContextFactory.class).getClass().getSimpleName());

        Runnable before = () -> { };
        int after = rest.indexOf("--after");
        if (after >= 0) {
            String afterMethod = rest.get(after + 1);
            String afterPath = rest.get(after + 2);
            before = () -> Timing.expect(200, function.handleRequest(ProbeEvents.event(afterMethod, afterPath, null, subject),
                    new ProbeContext()), afterMethod + " " + afterPath);
        }
        for (int i = 0; i + 4 < rest.size() && !rest.get(i).startsWith("--"); i += 5) {
            String method = rest.get(i + 1);
            String path = rest.get(i + 2);
            String body = rest.get(i + 3).equals("-") ? null : rest.get(i + 3);
            Timing.report(rest.get(i), n, Integer.parseInt(rest.get(i + 4)), sdk::totalNanos, before,
                    () -> ProbeEvents.event(method, path, body, subject), event -> function.handleRequest(event, new ProbeContext()));
        }

        if (rest.contains("--registration")) {
            // What the replaced factory costs per invocation, in this same JVM and bean context.
            DefaultLambdaContextFactory stock = new DefaultLambdaContextFactory(context);
            LambdaContextFactory ours = context.getBean(LambdaContextFactory.class);
            Timing.reportRegistration("stock-registerSingletons", n, () -> stock.registerSingletons(new ProbeContext()));
            Timing.reportRegistration("our-registerSingletons", n, () -> ours.registerSingletons(new ProbeContext()));
        }
    }

}
