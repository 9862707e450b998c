package com.salesos.admin.emulator;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Builds HTTP API (payload 2.0) events the way API Gateway hands them to Lambda: for authorized
 * routes the JWT authorizer has verified the token and put its claims in the request context.
 */
public final class GatewayEvents {

    private GatewayEvents() {
    }

    public static APIGatewayV2HTTPEvent request(String method, String path, String body, String subject,
                                                Map<String, String> extraHeaders) {
        return requestWithClaims(method, path, body,
                subject == null ? null : Map.of("sub", subject, "token_use", "access"), extraHeaders);
    }

    /**
     * With the authorizer's claims as API Gateway passes them: every value a string, a list such
     * as {@code cognito:groups} as {@code "[crm]"}. Null claims: a public route.
     */
    public static APIGatewayV2HTTPEvent requestWithClaims(String method, String path, String body, Map<String, String> claims,
                                                          Map<String, String> extraHeaders) {
        String rawPath = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        String query = path.contains("?") ? path.substring(path.indexOf('?') + 1) : "";
        Map<String, String> headers = new HashMap<>();
        headers.put("host", "api.salesos.test");
        headers.put("accept", "application/json");
        if (body != null) {
            headers.put("content-type", "application/json");
        }
        extraHeaders.forEach((k, v) -> headers.put(k.toLowerCase(), v));
        Map<String, String> queryParameters = new HashMap<>();
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                String[] kv = pair.split("=", 2);
                queryParameters.put(kv[0], kv.length > 1 ? java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8) : "");
            }
        }
        APIGatewayV2HTTPEvent.RequestContext.RequestContextBuilder context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRequestId(UUID.randomUUID().toString())
                .withRouteKey(method + " " + rawPath)
                .withStage("$default")
                .withTimeEpoch(Instant.now().toEpochMilli())
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                        .withMethod(method).withPath(rawPath).withProtocol("HTTP/1.1").withSourceIp("127.0.0.1").build());
        if (claims != null) {
            context.withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                    .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                            .withClaims(claims)
                            .withScopes(null).build()).build());
        }
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(method + " " + rawPath)
                .withRawPath(rawPath)
                .withRawQueryString(query)
                .withQueryStringParameters(queryParameters.isEmpty() ? null : queryParameters)
                .withHeaders(headers)
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(context.build())
                .build();
    }
}
