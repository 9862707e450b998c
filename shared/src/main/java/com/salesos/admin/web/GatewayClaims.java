package com.salesos.admin.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.http.HttpRequest;
import io.micronaut.servlet.http.ServletHttpRequest;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;

/**
 * The claims of the JWT that the API gateway's authorizer already verified. In Lambda they come
 * from the HTTP API event ({@code requestContext.authorizer.jwt.claims}); the local server's
 * gateway emulation verifies the token itself and hands the claims over under {@link #ATTRIBUTE}.
 * Either way the functions never parse a token themselves.
 */
@Singleton
public final class GatewayClaims {

    /** Request attribute under which a local gateway places verified claims. */
    public static final String ATTRIBUTE = "salesos.gateway.claims";

    public Optional<String> subject(HttpRequest<?> request) {
        return claims(request).map(claims -> claims.get("sub")).filter(sub -> !sub.isBlank());
    }

    @SuppressWarnings("unchecked")
    private Optional<Map<String, String>> claims(HttpRequest<?> request) {
        if (request instanceof ServletHttpRequest<?, ?> servlet
                && servlet.getNativeRequest() instanceof APIGatewayV2HTTPEvent event) {
            return Optional.ofNullable(event.getRequestContext())
                    .map(APIGatewayV2HTTPEvent.RequestContext::getAuthorizer)
                    .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer::getJwt)
                    .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT::getClaims);
        }
        return request.getAttribute(ATTRIBUTE).map(value -> (Map<String, String>) value);
    }
}
