package com.salesos.admin.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.salesos.admin.access.Caller;
import com.salesos.admin.access.CrmClient;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.servlet.http.ServletHttpRequest;
import io.micronaut.web.router.RouteAttributes;
import com.salesos.admin.runtime.CurrentInvocation;
import com.salesos.admin.runtime.LogLine;
import com.salesos.admin.runtime.LogContext;
import com.salesos.admin.runtime.Correlation;

/**
 * Starts each request's log correlation (Lambda and API Gateway request ids, trace id) and ends it
 * with one JSON line: route template, status and latency. It logs the route template, never the raw
 * path, query, headers or body, so no token, cursor or invitation link can reach the logs.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class RequestLog implements Ordered {

    private static final String STARTED = "salesos.log.started";
    private static final String CORRELATION = "salesos.log.correlation";
    private static final String ROUTE = "salesos.log.route";

    private final CurrentInvocation invocation;

    public RequestLog(CurrentInvocation invocation) {
        this.invocation = invocation;
    }

    @RequestFilter
    public void start(HttpRequest<?> request) {
        request.setAttribute(STARTED, System.nanoTime());
        // Read now: routing has run, and an error route (DomainErrors) replaces the request's route
        // match by the time the response is logged.
        request.setAttribute(ROUTE, RouteAttributes.getRouteMatch(request)
                .map(m -> m.getRouteInfo() instanceof io.micronaut.web.router.UriRouteInfo<?, ?> uri
                        ? uri.getUriMatchTemplate().toPathString() : "unmatched")
                .orElse("unmatched"));
        request.setAttribute(CORRELATION, LogContext.begin(invocation.context(), apiRequestId(request),
                request.getHeaders().get("x-amzn-trace-id")));
    }

    @ResponseFilter
    public void log(HttpRequest<?> request, MutableHttpResponse<?> response) {
        long startedAt = request.getAttribute(STARTED, Long.class).orElse(System.nanoTime());
        double latencyMs = (System.nanoTime() - startedAt) / 1_000_000.0;
        String route = request.getAttribute(ROUTE, String.class).orElse("unmatched");
        // Read from the request, not the thread: the response may be written on another thread.
        Correlation started = request.getAttribute(CORRELATION, Correlation.class).orElse(LogContext.current());
        Correlation ids = request.getAttribute(AccessFilter.CALLER_ATTRIBUTE, Caller.class)
                .map(c -> started.identified(c.workspaceId(), c.userId()))
                .or(() -> request.getAttribute(AccessFilter.CRM_ATTRIBUTE, CrmClient.class)
                        .map(c -> started.identified(c.workspaceId(), c.subject())))
                .orElse(started);
        LogLine.of("request").message(request.getMethodName() + " " + route + " " + response.code())
                .correlatedBy(ids).with("method", request.getMethodName()).with("route", route)
                .with("status", response.code()).withMillis("latencyMs", latencyMs).write();
        // The correlation stays until the next request begins: the response is encoded after this
        // filter, and an encoding failure logged then still belongs to this request.
    }

    /** API Gateway's id for this request (HTTP API event {@code requestContext.requestId}); none locally. */
    private static String apiRequestId(HttpRequest<?> request) {
        if (request instanceof ServletHttpRequest<?, ?> servlet
                && servlet.getNativeRequest() instanceof APIGatewayV2HTTPEvent event && event.getRequestContext() != null) {
            return event.getRequestContext().getRequestId();
        }
        return null;
    }

    @Override
    public int getOrder() {
        // Outermost, so refusals by the gateway emulation and the access filter are logged too.
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
