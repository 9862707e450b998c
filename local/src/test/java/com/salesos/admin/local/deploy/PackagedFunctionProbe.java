package com.salesos.admin.local.deploy;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.io.service.SoftServiceLoader;
import io.micronaut.core.optim.StaticOptimizations;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Runs in a JVM whose classpath is one function's Lambda jar and this class, nothing else: builds
 * the handler as the Lambda runtime does (the template's class, its no-argument constructor) and
 * hands it one harmless event of its kind, then prints {@code HANDLED <what came back>} and
 * {@code AOT <whether Micronaut AOT's static service lists are in use>} and
 * {@code ENVIRONMENTS <the context's active environments, sorted>}; an HTTP
 * function then runs its SnapStart priming and prints {@code PRIMED <its statuses>}. The
 * Lambda types it names are the jar's own. See {@link PackagedFunctionsStartTest}.
 *
 * <p>Arguments: the handler class, then {@code http <method> <path> <sub claim>}, {@code sqs <body>}
 * or {@code schedule}.
 */
public final class PackagedFunctionProbe {

    private PackagedFunctionProbe() {
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        String handlerClass = args[0];
        String kind = args[1];
        RequestHandler<Object, Object> handler =
                (RequestHandler<Object, Object>) Class.forName(handlerClass).getDeclaredConstructor().newInstance();
        Object event = switch (kind) {
            case "http" -> request(args[2], args[3], args[4]);
            case "sqs" -> message(args[2]);
            case "schedule" -> new HashMap<String, Object>();
            default -> throw new IllegalArgumentException("kind " + kind);
        };
        Object result = handler.handleRequest(event, new ProbeContext(handlerClass));
        System.out.println("HANDLED " + describe(result));
        // Whether the context started on Micronaut AOT's static service lists (aot/, added to the
        // jar at package time) or went back to scanning the jar's listings, and in which environments.
        System.out.println("AOT " + StaticOptimizations.get(SoftServiceLoader.Optimizations.class).isPresent());
        ApplicationContext context = (ApplicationContext) handler.getClass().getMethod("getApplicationContext").invoke(handler);
        System.out.println("ENVIRONMENTS " + new TreeSet<>(context.getEnvironment().getActiveNames()));
        if (kind.equals("http")) {
            // Then the SnapStart priming, from the jar (after the event, so that the event still
            // meets the lazy start a function without SnapStart has): every request it makes goes
            // through the whole stack (routing, filters, binding, use cases, problem responses)
            // with its AWS calls answered offline, so a bean definition or class the jar lacks
            // shows as a 5xx here.
            Object statuses = handler.getClass().getMethod("prime").invoke(handler);
            System.out.println("PRIMED " + statuses);
        }
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    private static String describe(Object result) {
        if (result instanceof APIGatewayV2HTTPResponse response) {
            return "status=" + response.getStatusCode() + " content-type=" + response.getHeaders().get("Content-Type");
        }
        if (result instanceof SQSBatchResponse batch) {
            return "batchItemFailures=" + batch.getBatchItemFailures().size();
        }
        return "result=" + result;
    }

    /** A signed-in request (the JWT authorizer's claims, as API Gateway passes them) on one of the function's routes. */
    private static APIGatewayV2HTTPEvent request(String method, String path, String subject) {
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(method + " " + path).withRawPath(path)
                .withRawQueryString("").withHeaders(Map.of("accept", "application/json")).withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("probe")
                        .withRouteKey(method + " " + path).withStage("$default")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path)
                                .withProtocol("HTTP/1.1").withSourceIp("127.0.0.1").build())
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                        .withClaims(Map.of("sub", subject, "token_use", "access")).build())
                                .build())
                        .build())
                .build();
    }

    /** One message from the function's queue (not its dead-letter queue). */
    private static SQSEvent message(String body) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId("probe-message");
        message.setBody(body);
        message.setEventSourceArn("arn:aws:sqs:us-east-1:000000000000:probe-queue");
        message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));
        return event;
    }

    private record ProbeContext(String function) implements Context {

        public String getAwsRequestId() {
            return "probe";
        }

        public String getLogGroupName() {
            return null;
        }

        public String getLogStreamName() {
            return null;
        }

        public String getFunctionName() {
            return function;
        }

        public String getFunctionVersion() {
            return "$LATEST";
        }

        public String getInvokedFunctionArn() {
            return null;
        }

        public CognitoIdentity getIdentity() {
            return null;
        }

        public ClientContext getClientContext() {
            return null;
        }

        public int getRemainingTimeInMillis() {
            return 60_000;
        }

        public int getMemoryLimitInMB() {
            return 1024;
        }

        public LambdaLogger getLogger() {
            return null;
        }
    }
}
