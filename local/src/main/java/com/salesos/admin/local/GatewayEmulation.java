package com.salesos.admin.local;

import com.salesos.admin.emulator.SamTemplate;
import com.salesos.admin.access.AccessProblems;
import com.salesos.admin.problems.DomainException;
import com.salesos.admin.web.GatewayClaims;
import com.salesos.admin.web.ProblemResponses;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Plays API Gateway in front of the local server, from the routes template.yaml declares: a
 * route not in the template is 404 (even if a controller has it; only the local pages of
 * {@link ApiDocs} pass besides), and an authorized route
 * rejects a missing or invalid token with 401 before any controller runs. Verified claims are
 * handed on exactly as Lambda receives them.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(beans = GatewayEmulation.LocalGatewayConfig.class) // only in the local server's context
final class GatewayEmulation implements Ordered {

    private record CompiledRoute(String method, Pattern path, boolean authorized) {
    }

    private final List<CompiledRoute> routes;
    private final AccessTokenVerifier verifier;

    GatewayEmulation(LocalGatewayConfig config) {
        this.routes = config.routes().stream()
                .map(r -> new CompiledRoute(r.method(), Pattern.compile(
                        "^" + r.path().replaceAll("\\{[^}]+}", "[^/]+") + "$"), r.authorized()))
                .toList();
        this.verifier = config.verifier();
    }

    /**
     * {@code body} is unused, but asking for it makes the server read the whole body before the
     * request goes on, as API Gateway does before it invokes Lambda: a controller that reads the raw
     * request body (the bulk upload) then finds it, while on Netty alone nothing would have been read.
     */
    @RequestFilter
    @Nullable
    public HttpResponse<?> admit(HttpRequest<?> request, @Nullable @Body byte[] body) {
        String path = request.getPath();
        if (ApiDocs.serves(path)) {
            return null; // the local stack's own pages (OpenAPI document and viewer), not the API's
        }
        Optional<CompiledRoute> route = routes.stream()
                .filter(r -> r.method().equals(request.getMethodName()) && r.path().matcher(path).matches())
                .findFirst();
        if (route.isEmpty()) {
            return routes.stream().anyMatch(r -> r.path().matcher(path).matches())
                    ? ProblemResponses.of(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed",
                            request.getMethodName() + " is not a route of " + path)
                    : ProblemResponses.of(DomainException.notFoundBecause("No route " + path));
        }
        if (!route.get().authorized()) {
            return null;
        }
        Optional<Map<String, String>> claims = request.getHeaders().getAuthorization()
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).trim())
                .flatMap(verifier::verify);
        if (claims.isEmpty()) {
            return ProblemResponses.of(AccessProblems.signInRequired());
        }
        request.setAttribute(GatewayClaims.ATTRIBUTE, claims.get());
        return null;
    }

    @Override
    public int getOrder() {
        // Inside the request log, before the access filter: as API Gateway sits before Lambda.
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    /** What the gateway needs to know: the template's routes and how to verify tokens. */
    record LocalGatewayConfig(List<SamTemplate.Route> routes, AccessTokenVerifier verifier) {
    }
}
