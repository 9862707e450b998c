package com.salesos.admin.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Map;
import java.util.UUID;

/** HTTP API v2 events for the probes (no JSON library needed, so the baseline stays plain). */
final class ProbeEvents {

    private ProbeEvents() {
    }

    static APIGatewayV2HTTPEvent event(String method, String path, String body, String subject) {
        APIGatewayV2HTTPEvent.RequestContext.RequestContextBuilder context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRequestId(UUID.randomUUID().toString())
                .withRouteKey(method + " " + path)
                .withStage("$default")
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path)
                        .withProtocol("HTTP/1.1").withSourceIp("127.0.0.1").build());
        if (subject != null) {
            context.withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                    .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                            .withClaims(Map.of("sub", subject, "token_use", "access")).build()).build());
        }
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(method + " " + path)
                .withRawPath(path).withRawQueryString("")
                .withHeaders(body == null ? Map.of("accept", "application/json")
                        : Map.of("accept", "application/json", "content-type", "application/json"))
                .withBody(body).withIsBase64Encoded(false).withRequestContext(context.build()).build();
    }
}
