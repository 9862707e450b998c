package com.salesos.admin.emulator;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.salesos.admin.emulator.calls.AnswerRecorder;
import com.salesos.admin.emulator.calls.Caller;
import com.salesos.admin.emulator.calls.RouteOwners;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import com.salesos.admin.lambda.AdminHttpFunction;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Calls a function exactly as Lambda does: an HTTP API v2 event into the handler class the template
 * names, built with its no-arg constructor. The function module under test is what is on the classpath.
 */
public final class LambdaApi implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AdminHttpFunction handler;

    /** The handler exactly as the Lambda runtime builds it. */
    public LambdaApi() {
        this.handler = new AdminHttpFunction();
    }

    /** The same handler and Lambda context configuration, with these beans added (a clock the test moves, a listener). */
    public LambdaApi(Object... beans) {
        this.handler = new AdminHttpFunction(AdminHttpFunction.contextBuilder().singletons(beans));
    }

    public record Response(int status, Map<String, String> headers, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers == null ? null : headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst().orElse(null);
        }
    }

    /** The function's bean context, for checks on what it holds. */
    public io.micronaut.context.ApplicationContext context() {
        return handler.getApplicationContext();
    }

    /** Whether the function has built a bean of {@code type} so far (for "a cold request builds no X" checks). */
    public boolean built(Class<?> type) {
        return !handler.getApplicationContext().getActiveBeanRegistrations(type).isEmpty();
    }

    /** Runs the SnapStart priming as the runtime would before the snapshot; the priming requests' statuses. */
    public java.util.List<Integer> prime() {
        return handler.prime();
    }

    public Response call(String method, String path, String body, String subject) {
        return call(method, path, body, subject, Map.of());
    }

    public Response call(String method, String path, String body, String subject, Map<String, String> headers) {
        APIGatewayV2HTTPResponse response = asRouted(method, path, () -> handler.handleRequest(
                GatewayEvents.request(method, path, body, subject, headers), new MockLambdaContext()));
        return new Response(response.getStatusCode(), response.getHeaders(), response.getBody());
    }

    /**
     * A body of raw bytes, as API Gateway hands over a body it treats as binary: base64 with
     * {@code isBase64Encoded}. For uploads such as a CSV file, which may arrive as any bytes at all.
     */
    public Response callBytes(String method, String path, byte[] body, String contentType, String subject,
                              Map<String, String> headers) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("content-type", contentType);
        var event = GatewayEvents.request(method, path, "", subject, all);
        event.setBody(java.util.Base64.getEncoder().encodeToString(body));
        event.setIsBase64Encoded(true);
        APIGatewayV2HTTPResponse response = asRouted(method, path, () -> handler.handleRequest(event, new MockLambdaContext()));
        return new Response(response.getStatusCode(), response.getHeaders(), response.getBody());
    }

    /** As the CRM's machine identity: its subject with the {@code crm} group claim. */
    public Response callAs(CrmAccount crm, String method, String path, String body) {
        return callAs(crm, method, path, body, Map.of());
    }

    public Response callAs(CrmAccount crm, String method, String path, String body, Map<String, String> headers) {
        APIGatewayV2HTTPResponse response = asRouted(method, path, () -> handler.handleRequest(
                GatewayEvents.requestWithClaims(method, path, body, crm.claims(), headers), new MockLambdaContext()));
        return new Response(response.getStatusCode(), response.getHeaders(), response.getBody());
    }

    /** As a member of SalesOS support: its subject with the {@code support} group claim. */
    public Response callAsSupport(String subject, String method, String path, String body) {
        return callAsSupport(subject, method, path, body, Map.of());
    }

    public Response callAsSupport(String subject, String method, String path, String body, Map<String, String> headers) {
        Map<String, String> claims = Map.of("sub", subject, "token_use", "access", "cognito:groups", "[support]");
        APIGatewayV2HTTPResponse response = asRouted(method, path, () -> handler.handleRequest(
                GatewayEvents.requestWithClaims(method, path, body, claims, headers), new MockLambdaContext()));
        return new Response(response.getStatusCode(), response.getHeaders(), response.getBody());
    }

    /**
     * Runs the invocation as the function the template routes this request to, so that its AWS
     * calls are recorded for the IAM contract test, and records its answer for the OpenAPI
     * contract test; a request no route matches never reaches a function in AWS, so its calls are
     * attributed to nobody and its answer is no route's.
     */
    private static APIGatewayV2HTTPResponse asRouted(String method, String path, Supplier<APIGatewayV2HTTPResponse> invocation) {
        Optional<SamTemplate.Route> route = RouteOwners.ofRepository().routeFor(method, path);
        APIGatewayV2HTTPResponse response = route.map(r -> Caller.code(r.function()).run(invocation)).orElseGet(invocation);
        // What the route answered, for the OpenAPI contract test (AnswerRecorder).
        route.ifPresent(r -> AnswerRecorder.record(r, response.getStatusCode(), contentType(response)));
        return response;
    }

    private static String contentType(APIGatewayV2HTTPResponse response) {
        Map<String, String> headers = response.getHeaders() == null ? Map.of() : response.getHeaders();
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Content-Type"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    public static String json(Object... keyValues) {
        try {
            Map<String, Object> map = new java.util.LinkedHashMap<>();
            for (int i = 0; i < keyValues.length; i += 2) {
                map.put((String) keyValues[i], keyValues[i + 1]);
            }
            return JSON.writeValueAsString(map);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        handler.close();
    }
}
