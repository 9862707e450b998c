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
import io.micronaut.web.router.RouteInfo;
import io.micronaut.web.router.UriRouteInfo;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
    private static final String UNMATCHED = "unmatched";

    private final CurrentInvocation invocation;
    // Each route's template, made on its first request (the template's text is built anew on each
    // call). Keyed by the route itself, which the router keeps for the context's life.
    private final Map<RouteInfo<?>, String> templates = new ConcurrentHashMap<>();

    public RequestLog(CurrentInvocation invocation) {
        this.invocation = invocation;
    }

    /** What the response's line needs from the request's start, kept as one request attribute. */
    private record Started(long nanos, String route, Correlation correlation) {
    }

    @RequestFilter
    public void start(HttpRequest<?> request) {
        long now = System.nanoTime();
        // Read now: routing has run, and an error route (DomainErrors) replaces the request's route
        // match by the time the response is logged.
        String route = RouteAttributes.getRouteMatch(request)
                .map(match -> templates.computeIfAbsent(match.getRouteInfo(), RequestLog::templateOf)).orElse(UNMATCHED);
        request.setAttribute(STARTED, new Started(now, route, LogContext.begin(invocation.context(), apiRequestId(request),
                request.getHeaders().get("x-amzn-trace-id"))));
    }

    @ResponseFilter
    public void log(HttpRequest<?> request, MutableHttpResponse<?> response) {
        // Read from the request, not the thread: the response may be written on another thread.
        // (Untyped reads: the typed ones go through the conversion service on every request.)
        Started started = request.getAttribute(STARTED).orElse(null) instanceof Started s ? s
                : new Started(System.nanoTime(), UNMATCHED, LogContext.current());
        double latencyMs = (System.nanoTime() - started.nanos()) / 1_000_000.0;
        String route = started.route();
        LogLine.of("request").message(request.getMethodName() + " " + route + " " + response.code())
                .correlatedBy(identified(request, started.correlation())).with("method", request.getMethodName()).with("route", route)
                .with("status", response.code()).withMillis("latencyMs", latencyMs).write();
        // The correlation stays until the next request begins: the response is encoded after this
        // filter, and an encoding failure logged then still belongs to this request.
    }

    private static String templateOf(RouteInfo<?> info) {
        return info instanceof UriRouteInfo<?, ?> uri ? uri.getUriMatchTemplate().toPathString() : UNMATCHED;
    }

    /** The correlation with the workspace and caller the access filter resolved, if it resolved one. */
    private static Correlation identified(HttpRequest<?> request, Correlation started) {
        if (request.getAttribute(AccessFilter.CALLER_ATTRIBUTE).orElse(null) instanceof Caller caller) {
            return started.identified(caller.workspaceId(), caller.userId());
        }
        if (request.getAttribute(AccessFilter.CRM_ATTRIBUTE).orElse(null) instanceof CrmClient client) {
            return started.identified(client.workspaceId(), client.subject());
        }
        return started;
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
