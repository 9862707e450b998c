package com.salesos.admin.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

/**
 * Runs in a fresh JVM: builds the handler the way the Lambda runtime does (load the class named
 * in the template, call its no-arg constructor), handles one request, prints the status, exits.
 * The parent times the whole process from spawn to that line.
 *
 * <p>With {@code --restore} it emulates a SnapStart restore instead: after construction it runs the
 * handler's CRaC {@code beforeCheckpoint} and {@code afterRestore} (what the runtime calls around
 * the snapshot; this JDK has no CRaC, so the probe calls the handler's resource itself), and then
 * times the first request. What the snapshot saves is everything before that request.
 */
public final class ColdStartProbe {

    private ColdStartProbe() {
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        String handlerClass = args[0];
        String method = args[1];
        String path = args[2];
        String body = args[3].equals("-") ? null : args[3];
        java.util.List<String> rest = java.util.Arrays.asList(args).subList(4, args.length);
        boolean restore = rest.contains("--restore");
        String subject = rest.stream().filter(a -> !a.startsWith("--")).findFirst().orElse(null);
        long constructing = System.nanoTime();
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler =
                (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) Class.forName(handlerClass)
                        .getDeclaredConstructor().newInstance();
        long priming = System.nanoTime();
        if (restore) {
            if (!(handler instanceof org.crac.Resource resource)) {
                throw new IllegalStateException(handlerClass + " registers no CRaC resource: nothing to prime");
            }
            resource.beforeCheckpoint(null);
            resource.afterRestore(null);
        }
        long invoking = System.nanoTime();
        APIGatewayV2HTTPResponse response = handler.handleRequest(ProbeEvents.event(method, path, body, subject), new ProbeContext());
        long done = System.nanoTime();
        // Like Lambda's REPORT line: handler construction (part of Init), the priming (before the
        // snapshot, under SnapStart) and the first invocation.
        System.out.println("HANDLED " + response.getStatusCode() + " construct_ms=" + (priming - constructing) / 1_000_000
                + " prime_ms=" + (invoking - priming) / 1_000_000 + " invoke_ms=" + (done - invoking) / 1_000_000);
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
}
