package com.salesos.admin.functions.exports;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.salesos.admin.lambda.HttpPriming;
import com.salesos.admin.lambda.PrimingRequests;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The exports function's SnapStart priming (AdminHttpFunction#prime): its main routes, refused,
 * invalid or read, with AWS answered offline, so that nothing is written, sent or read for real.
 */
@Singleton
public class ExportsPriming implements HttpPriming {

    @Override
    public List<APIGatewayV2HTTPEvent> requests() {
        return List.of(
                PrimingRequests.anonymous("GET", "/v1/exports", null),
                PrimingRequests.signedIn("GET", "/v1/exports", null),
                PrimingRequests.signedIn("POST", "/v1/exports", "{\"entities\":[\"deals\"]}"));
    }
}
