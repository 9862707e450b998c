package com.salesos.admin.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The baseline for an authorized {@code POST /v1/invitations} with the same AWS calls as the invites
 * function: a plain RequestHandler that reads and checks the body with Jackson, looks the caller up
 * (principal and user: two GetItems), writes the invitation in one transaction of seven steps,
 * reads the workspace's name (GetItem), sends the email through SES, records the delivery
 * (UpdateItem) and answers 201 with the invitation as JSON. It writes under keys of its own, which
 * no function reads, so the function's runs in the same workspace are not disturbed.
 */
public final class PlainInviteHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final List<String> ROLES = List.of("admin", "manager", "sales-rep");

    private final DynamoDbClient dynamo = PlainAws.dynamoDb();
    private final SesV2Client ses = PlainAws.sesV2();
    private final String table = System.getenv("TABLE_NAME");
    private final String sender = System.getenv("SENDER_ADDRESS");

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        try {
            JsonNode body = JSON.readTree(event.getBody());
            String email = body.path("email").asText("");
            String name = body.path("name").asText("");
            String role = body.path("role").asText("");
            if (!EMAIL.matcher(email).matches() || name.isBlank() || !ROLES.contains(role)) {
                return APIGatewayV2HTTPResponse.builder().withStatusCode(422).build();
            }
            Optional<PlainAws.Caller> caller = PlainAws.caller(dynamo, table, event);
            if (caller.isEmpty() || !"admin".equals(PlainAws.s(caller.get().user(), "roleId"))) {
                return APIGatewayV2HTTPResponse.builder().withStatusCode(403).build();
            }
            String workspaceId = caller.get().workspaceId();
            String workspace = "WS#" + workspaceId;
            String id = "inv_" + UUID.randomUUID();
            Instant now = Instant.now();
            Instant expires = now.plus(7, ChronoUnit.DAYS);
            Map<String, AttributeValue> invitation = new LinkedHashMap<>(PlainAws.key(workspace, "PLAIN-INVITATION#" + id));
            invitation.put("email", AttributeValue.fromS(email));
            invitation.put("name", AttributeValue.fromS(name));
            invitation.put("role", AttributeValue.fromS(role));
            invitation.put("expiresAt", AttributeValue.fromS(expires.toString()));
            Map<String, AttributeValue> one = Map.of(":one", AttributeValue.fromN("1"), ":limit", AttributeValue.fromN("1000000"));
            String hour = now.truncatedTo(ChronoUnit.HOURS).toString();
            // The function's transaction for this request has the same kinds and number of steps:
            // the email's claim, the invitation, its token and an audit entry put; the workspace's
            // counters updated on the condition that the workspace is live (the function folds its
            // deletion gate into that update), and the workspace's and the address's send counters
            // updated under their limits. Every step is conditional, as the function's are.
            dynamo.transactWriteItems(r -> r.transactItems(
                    t -> t.put(p -> p.tableName(table).item(Map.of("pk", AttributeValue.fromS(workspace),
                            "sk", AttributeValue.fromS("PLAIN-EMAIL#" + email + "#" + id), "holder", AttributeValue.fromS(id)))
                            .conditionExpression("attribute_not_exists(pk)")),
                    t -> t.put(p -> p.tableName(table).item(invitation).conditionExpression("attribute_not_exists(pk)")),
                    t -> t.put(p -> p.tableName(table).item(Map.of("pk", AttributeValue.fromS("PLAIN-TOKEN#" + id),
                            "sk", AttributeValue.fromS("#TOKEN"), "invitationId", AttributeValue.fromS(id)))
                            .conditionExpression("attribute_not_exists(pk)")),
                    t -> t.put(p -> p.tableName(table).item(Map.of("pk", AttributeValue.fromS("PLAIN-AUDIT#" + workspaceId),
                            "sk", AttributeValue.fromS(now + "#" + id), "action", AttributeValue.fromS("invitation.created")))
                            .conditionExpression("attribute_not_exists(pk)")),
                    t -> t.update(u -> u.tableName(table).key(PlainAws.key(workspace, "#WORKSPACE"))
                            .updateExpression("ADD plainBaselineInvitations :one")
                            .conditionExpression("attribute_exists(pk)")
                            .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))),
                    t -> t.update(u -> u.tableName(table).key(PlainAws.key(workspace, "PLAIN-SENDS#" + hour))
                            .updateExpression("ADD sends :one").conditionExpression("attribute_not_exists(sends) OR sends < :limit")
                            .expressionAttributeValues(one)),
                    t -> t.update(u -> u.tableName(table).key(PlainAws.key("PLAIN-SENDS#" + email, hour))
                            .updateExpression("ADD sends :one").conditionExpression("attribute_not_exists(sends) OR sends < :limit")
                            .expressionAttributeValues(one))));
            // The workspace's name for the email, as the function reads it.
            String workspaceName = PlainAws.workspaceName(dynamo, table, workspaceId);
            String messageId = ses.sendEmail(r -> r.fromEmailAddress(sender)
                    .destination(d -> d.toAddresses(email))
                    .content(c -> c.simple(m -> m
                            .subject(s -> s.data("You are invited to " + workspaceName).charset("UTF-8"))
                            .body(b -> b.text(t -> t.data("Hello " + name + ", accept your invitation " + id).charset("UTF-8"))))))
                    .messageId();
            dynamo.updateItem(r -> r.tableName(table).key(PlainAws.key(workspace, "PLAIN-INVITATION#" + id))
                    .updateExpression("SET messageId = :m").expressionAttributeValues(Map.of(":m", AttributeValue.fromS(messageId))));
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", id);
            view.put("email", email);
            view.put("name", name);
            view.put("role", role);
            view.put("status", "pending");
            view.put("expiresAt", expires.toString());
            return APIGatewayV2HTTPResponse.builder().withStatusCode(201)
                    .withHeaders(Map.of("Content-Type", "application/json"))
                    .withBody(JSON.writeValueAsString(view)).build();
        } catch (Exception e) {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(500).withBody(String.valueOf(e)).build();
        }
    }
}
