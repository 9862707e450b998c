package com.salesos.admin.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.salesos.admin.access.UserStatus;
import com.salesos.admin.aws.clients.PrimingAnswers;
import com.salesos.admin.aws.users.DynamoUsers;
import com.salesos.admin.common.EmailAddress;
import com.salesos.admin.users.User;
import java.time.Instant;
import java.util.Map;

/**
 * HTTP API (payload 2.0) events for {@link HttpPriming}: anonymous, or with the claims of
 * {@link #SUBJECT}, a subject no user, CRM identity or support person has (its lookups find nothing,
 * unless the priming answers them with {@link #signedInAdmin()}).
 */
public final class PrimingRequests {

    /** The subject of the priming's signed-in requests. */
    public static final String SUBJECT = "salesos-priming";

    /**
     * Who {@link #SUBJECT} is when a priming answers {@link #signedInAdmin()}: an Admin of a workspace
     * that does not exist (the answers are made up offline, nothing is read).
     */
    public static final User ADMIN = new User("usr_priming", "ws_priming", new EmailAddress("priming.admin@example.com"),
            "Priming Admin", "admin", null, UserStatus.ACTIVE, SUBJECT, Instant.parse("2026-01-01T00:00:00Z"));

    private PrimingRequests() {
    }

    /**
     * Offline answers under which {@link #signedIn} requests pass the access filter as {@link #ADMIN}:
     * the caller lookup's two reads get {@link #ADMIN}'s principal and user items, as the store lays
     * them out ({@link DynamoUsers}); every other call is answered {@code {}}.
     */
    public static PrimingAnswers signedInAdmin() {
        return PrimingAnswers.none().item(DynamoUsers.principalItem(ADMIN).values()).item(DynamoUsers.toItem(ADMIN).values());
    }

    public static APIGatewayV2HTTPEvent anonymous(String method, String path, String body) {
        return event(method, path, body, null);
    }

    public static APIGatewayV2HTTPEvent signedIn(String method, String path, String body) {
        return event(method, path, body, SUBJECT);
    }

    private static APIGatewayV2HTTPEvent event(String method, String path, String body, String subject) {
        int query = path.indexOf('?');
        String rawPath = query < 0 ? path : path.substring(0, query);
        Map<String, String> parameters = query < 0 ? null : parameters(path.substring(query + 1));
        APIGatewayV2HTTPEvent.RequestContext.RequestContextBuilder context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRequestId("priming").withRouteKey(method + " " + rawPath).withStage("$default")
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(rawPath)
                        .withProtocol("HTTP/1.1").withSourceIp("127.0.0.1").build());
        if (subject != null) {
            context.withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                    .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                            .withClaims(Map.of("sub", subject, "token_use", "access")).build()).build());
        }
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(method + " " + rawPath)
                .withRawPath(rawPath).withRawQueryString(query < 0 ? "" : path.substring(query + 1))
                .withQueryStringParameters(parameters)
                .withHeaders(body == null ? Map.of("accept", "application/json")
                        : Map.of("accept", "application/json", "content-type", "application/json"))
                .withBody(body).withIsBase64Encoded(false).withRequestContext(context.build()).build();
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new java.util.LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            parameters.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
        }
        return parameters;
    }
}
