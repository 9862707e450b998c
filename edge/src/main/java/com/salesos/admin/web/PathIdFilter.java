package com.salesos.admin.web;

import com.salesos.admin.problems.DomainException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteMatch;

/**
 * Refuses a path whose id cannot name anything we store ({@link PathIds}) with 404, and a query
 * id of the wrong form with 422, before the access filter or any controller makes an AWS call: a
 * 450 KB "id" never reaches DynamoDB.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class PathIdFilter implements Ordered {

    @RequestFilter
    @Nullable
    public HttpResponse<?> check(HttpRequest<?> request) {
        // Query values that name ids (?userId=, ?teamId=) end up in keys too: same pattern, 422.
        for (String name : request.getParameters().names()) {
            if (name.endsWith("Id")) {
                for (String value : request.getParameters().getAll(name)) {
                    if (!value.isEmpty() && !PathIds.isValid(value)) {
                        return ProblemResponses.of(DomainException.invalidField(name, PathIds.RULE));
                    }
                }
            }
        }
        return RouteAttributes.getRouteMatch(request)
                .filter(UriRouteMatch.class::isInstance)
                .map(match -> ((UriRouteMatch<?, ?>) match).getVariableValues())
                .flatMap(values -> values.entrySet().stream()
                        .filter(e -> e.getValue() == null || !PathIds.isValidInPath(e.getValue().toString()))
                        .findFirst())
                .<HttpResponse<?>>map(bad -> ProblemResponses.of(DomainException.notFoundBecause(
                        "No " + bad.getKey() + " has this form; " + PathIds.PATH_RULE)))
                .orElse(null);
    }

    @Override
    public int getOrder() {
        // Before AccessFilter (HIGHEST_PRECEDENCE + 100), which reads the caller from DynamoDB.
        return Ordered.HIGHEST_PRECEDENCE + 50;
    }
}
