package com.salesos.admin.web;

import com.salesos.admin.access.Caller;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteAttributes;
import java.io.PrintStream;
import java.util.UUID;

/**
 * One JSON line per request on stdout (CloudWatch Logs in Lambda): request id, workspace, route
 * template, status and latency. It logs the route template, never the raw path, query, headers or
 * body, so no token, cursor or invitation link can reach the logs.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class RequestLog implements Ordered {

    private static final String STARTED = "salesos.log.started";
    private static final PrintStream OUT = System.out;

    private final CurrentInvocation invocation;

    public RequestLog(CurrentInvocation invocation) {
        this.invocation = invocation;
    }

    @RequestFilter
    public void start(HttpRequest<?> request) {
        request.setAttribute(STARTED, System.nanoTime());
    }

    @ResponseFilter
    public void log(HttpRequest<?> request, MutableHttpResponse<?> response) {
        long started = request.getAttribute(STARTED, Long.class).orElse(System.nanoTime());
        double latencyMs = (System.nanoTime() - started) / 1_000_000.0;
        String route = RouteAttributes.getRouteMatch(request)
                .map(m -> m.getRouteInfo() instanceof io.micronaut.web.router.UriRouteInfo<?, ?> uri
                        ? uri.getUriMatchTemplate().toPathString() : "unmatched")
                .orElse("unmatched");
        String workspace = request.getAttribute(AccessFilter.CALLER_ATTRIBUTE, Caller.class)
                .map(Caller::workspaceId).orElse(null);
        String requestId = invocation.context().map(c -> c.getAwsRequestId())
                .orElseGet(() -> UUID.randomUUID().toString());
        LogLine.of("request").with("requestId", requestId).with("workspace", workspace)
                .with("method", request.getMethodName()).with("route", route).with("status", response.code())
                .withMillis("latencyMs", latencyMs).writeTo(OUT);
    }

    @Override
    public int getOrder() {
        // Outermost, so refusals by the gateway emulation and the access filter are logged too.
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
