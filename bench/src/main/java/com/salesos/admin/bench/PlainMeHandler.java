package com.salesos.admin.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The baseline for {@code GET /v1/me} with the same AWS calls as the users function: a plain
 * RequestHandler that reads the caller's subject from the JWT claims, then the principal, the user
 * and the workspace's name (three GetItems, as the function's access filter and controller make),
 * and answers the user, their role and its permissions as JSON with Jackson. No framework.
 */
public final class PlainMeHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final ObjectMapper JSON = new ObjectMapper();
    // The built-in roles, as a plain handler would hard-code them (the function's Views.Me lists a role's permission codes).
    private static final Map<String, String> ROLE_NAMES = Map.of("admin", "Admin", "manager", "Manager", "sales-rep", "Sales Rep");
    private static final Map<String, List<String>> PERMISSIONS = Map.of(
            "admin", List.of("audit.read", "billing.manage", "data.export", "gamification.manage", "users.manage"),
            "manager", List.of("gamification.manage"),
            "sales-rep", List.of());

    private final DynamoDbClient dynamo;
    private final String table = System.getenv("TABLE_NAME");

    public PlainMeHandler() {
        this(PlainAws.dynamoDb());
    }

    PlainMeHandler(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        try {
            Optional<PlainAws.Caller> caller = PlainAws.caller(dynamo, table, event);
            if (caller.isEmpty()) {
                return APIGatewayV2HTTPResponse.builder().withStatusCode(403).build();
            }
            String workspaceId = caller.get().workspaceId();
            Map<String, AttributeValue> user = caller.get().user();
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", PlainAws.s(user, "id"));
            view.put("email", PlainAws.s(user, "email"));
            view.put("name", PlainAws.s(user, "name"));
            String roleId = String.valueOf(PlainAws.s(user, "roleId"));
            view.put("role", Map.of("id", roleId, "name", ROLE_NAMES.getOrDefault(roleId, roleId)));
            view.put("permissions", PERMISSIONS.getOrDefault(roleId, List.of()));
            view.put("teamId", PlainAws.s(user, "teamId"));
            view.put("status", PlainAws.s(user, "status"));
            view.put("workspace", Map.of("id", workspaceId, "name", PlainAws.workspaceName(dynamo, table, workspaceId)));
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                    .withHeaders(Map.of("Content-Type", "application/json"))
                    .withBody(JSON.writeValueAsString(view)).build();
        } catch (Exception e) {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(500).withBody(String.valueOf(e)).build();
        }
    }
}
