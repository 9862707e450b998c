package com.salesos.admin.functions.points;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.salesos.admin.lambda.HttpPriming;
import com.salesos.admin.lambda.PrimingRequests;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The points function's SnapStart priming (AdminHttpFunction#prime): its main routes, refused,
 * invalid or read, with AWS answered offline, so that nothing is written, sent or read for real.
 */
@Singleton
public class PointsPriming implements HttpPriming {

    @Override
    public List<APIGatewayV2HTTPEvent> requests() {
        return List.of(
                PrimingRequests.anonymous("GET", "/openbadges/issuers/ws-priming", null),
                PrimingRequests.anonymous("GET", "/openbadges/credentials/cred_priming", null),
                PrimingRequests.signedIn("GET", "/v1/gamification/point-settings", null),
                PrimingRequests.signedIn("GET", "/v1/gamification/badges", null),
                PrimingRequests.signedIn("POST", "/v1/gamification/activities", "{}"));
    }
}
