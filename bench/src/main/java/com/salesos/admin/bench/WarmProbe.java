package com.salesos.admin.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.DefaultLambdaContextFactory;
import io.micronaut.function.aws.LambdaApplicationContextBuilder;
import io.micronaut.function.aws.LambdaContextFactory;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;

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
        String subject = args[0];
        SdkCallTime sdk = new SdkCallTime();
        ApplicationContext context = new LambdaApplicationContextBuilder().singletons(sdk).build();
        APIGatewayV2HTTPEventFunction function = new APIGatewayV2HTTPEventFunction(context);
        System.out.println("WARM lambdaContextFactory=" + context.getBean(LambdaContextFactory.class).getClass().getSimpleName());

        Timing.report("list-invitations", n, sdk::totalNanos, () -> function.handleRequest(
                ProbeEvents.event("GET", "/v1/invitations", null, subject), new ProbeContext()));
        Timing.report("accept-invalid", n, sdk::totalNanos, () -> function.handleRequest(
                ProbeEvents.event("POST", "/v1/invitations/accept", "{}", null), new ProbeContext()));

        // What the replaced factory costs per invocation, in this same JVM and bean context.
        DefaultLambdaContextFactory stock = new DefaultLambdaContextFactory(context);
        LambdaContextFactory ours = context.getBean(LambdaContextFactory.class);
        Timing.reportRegistration("stock-registerSingletons", n, () -> stock.registerSingletons(new ProbeContext()));
        Timing.reportRegistration("our-registerSingletons", n, () -> ours.registerSingletons(new ProbeContext()));
        Runtime.getRuntime().halt(0);
    }

}
