package com.salesos.admin.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The warm baseline for the store paths: {@link PlainMeHandler} (the same three GetItems as the
 * users function's {@code GET /v1/me}, no framework) timed as {@link WarmProbe} times the
 * functions, SDK time subtracted through the same metrics publisher. What it leaves is what a
 * handler without a framework spends around the same SDK calls; the functions' figure less this one
 * is what the framework and our code add. Then the plain accept handler, each request after an
 * untimed one of those: the floor for the functions' no-SDK path timed after a store request.
 */
public final class PlainMeWarmProbe {

    private PlainMeWarmProbe() {
    }

    /** Arguments: requests, then the caller's sub claim. */
    public static void main(String[] args) {
        Timing.halting(() -> probe(args));
    }

    private static void probe(String[] args) {
        int n = Integer.parseInt(args[0]);
        SdkCallTime sdk = new SdkCallTime();
        PlainMeHandler plain = new PlainMeHandler(PlainAws.dynamoDb(sdk));
        Supplier<APIGatewayV2HTTPEvent> events = () -> ProbeEvents.event("GET", "/v1/me", null, args[1]);
        Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> me = event -> plain.handleRequest(event, new ProbeContext());
        Timing.report("baseline-me-same-aws-calls", n, 200, sdk::totalNanos, events, me);
        // The plain accept on the footing of WarmProbe's "--after": each request after a plain
        // GET /v1/me (untimed), as the functions' no-SDK path is timed after a store request.
        PlainAcceptHandler accept = new PlainAcceptHandler();
        Timing.report("baseline-accept-invalid-after-me", n, 422, sdk::totalNanos,
                () -> Timing.expect(200, me.apply(events.get()), "plain GET /v1/me"),
                () -> ProbeEvents.event("POST", "/v1/invitations/accept", "{}", null), event -> accept.handleRequest(event, new ProbeContext()));
    }
}
