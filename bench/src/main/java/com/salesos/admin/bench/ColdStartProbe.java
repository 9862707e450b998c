package com.salesos.admin.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

/**
 * Runs in a fresh JVM: builds the handler the way the Lambda runtime does (load the class named
 * in the template, call its no-arg constructor), handles one request, prints the status, exits.
 * The parent times the whole process from spawn to that line.
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
        String subject = args.length > 4 ? args[4] : null;
        long constructing = System.nanoTime();
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler =
                (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) Class.forName(handlerClass)
                        .getDeclaredConstructor().newInstance();
        long invoking = System.nanoTime();
        APIGatewayV2HTTPResponse response = handler.handleRequest(ProbeEvents.event(method, path, body, subject), new ProbeContext());
        long done = System.nanoTime();
        // Like Lambda's REPORT line: handler construction (part of Init) and the first invocation.
        System.out.println("HANDLED " + response.getStatusCode() + " construct_ms=" + (invoking - constructing) / 1_000_000
                + " invoke_ms=" + (done - invoking) / 1_000_000);
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
}
