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

    /**
     * The token's Cognito groups ({@code cognito:groups}). API Gateway hands every claim over as a
     * string, a list as {@code "[crm other]"}; the local gateway's verifier writes {@code "[crm, other]"};
     * a JSON array ({@code ["crm"]}) is read too.
     */
    public java.util.Set<String> groups(HttpRequest<?> request) {
        return claims(request).map(claims -> claims.get("cognito:groups")).map(GatewayClaims::parseList)
                .orElse(java.util.Set.of());
    }

    static java.util.Set<String> parseList(String value) {
        String inner = value.strip();
        if (inner.startsWith("[") && inner.endsWith("]")) {
            inner = inner.substring(1, inner.length() - 1);
        }
        return java.util.Arrays.stream(inner.split("[,\\s]+")).map(g -> g.replace("\"", "").strip())
                .filter(g -> !g.isEmpty()).collect(java.util.stream.Collectors.toUnmodifiableSet());
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
