package com.salesos.admin.functions.users;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.salesos.admin.lambda.HttpPriming;
import com.salesos.admin.lambda.PrimingRequests;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The users function's SnapStart priming (AdminHttpFunction#prime): its main routes, refused,
 * invalid or read, with AWS answered offline, so that nothing is written, sent or read for real.
 */
@Singleton
public class UsersPriming implements HttpPriming {

    @Override
    public List<APIGatewayV2HTTPEvent> requests() {
        return List.of(
                PrimingRequests.anonymous("GET", "/v1/health", null),
                PrimingRequests.anonymous("GET", "/v1/me", null),
                PrimingRequests.signedIn("GET", "/v1/me", null),
                PrimingRequests.signedIn("GET", "/v1/users?limit=50", null),
                PrimingRequests.signedIn("PATCH", "/v1/users/usr_priming", "{\"role\":\"sales-rep\"}"),
                PrimingRequests.signedIn("GET", "/v1/roles", null));
    }
}
