package com.salesos.admin.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.metrics.MetricPublisher;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * How a plain handler builds its AWS clients, the way the Lambda guide advises (explicit region,
 * credentials from the environment, one URLConnection HTTP client shared by its clients, as the
 * functions share theirs), plus the emulator's endpoint. Used by the baselines that make the same
 * AWS calls as the function they are compared with.
 */
final class PlainAws {

    private static final SdkHttpClient HTTP = UrlConnectionHttpClient.create();

    private PlainAws() {
    }

    static DynamoDbClient dynamoDb() {
        return configure(DynamoDbClient.builder()).build();
    }

    /** The same client, publishing the SDK's metrics to {@code metrics} (the warm probes' SDK time). */
    static DynamoDbClient dynamoDb(MetricPublisher metrics) {
        return configure(DynamoDbClient.builder()).overrideConfiguration(c -> c.addMetricPublisher(metrics)).build();
    }

    static SesV2Client sesV2() {
        return configure(SesV2Client.builder()).build();
    }

    /** Region, credentials, the shared HTTP client and the emulator's endpoint, for any client. */
    private static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder) {
        builder.region(Region.of(System.getenv("AWS_REGION")))
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .httpClient(HTTP);
        Optional.ofNullable(System.getenv("AWS_ENDPOINT_URL")).filter(url -> !url.isBlank())
                .ifPresent(url -> builder.endpointOverride(URI.create(url)));
        return builder;
    }

    /** The signed-in caller as the functions' access filter reads it: the subject's principal, then its user (two strongly consistent GetItems). */
    record Caller(String workspaceId, Map<String, AttributeValue> user) {
    }

    /** The caller of {@code event}, or empty when the subject is no workspace's user. */
    static Optional<Caller> caller(DynamoDbClient dynamo, String table, APIGatewayV2HTTPEvent event) {
        String subject = event.getRequestContext().getAuthorizer().getJwt().getClaims().get("sub");
        Map<String, AttributeValue> principal = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(key("SUBJECT#" + subject, "#PRINCIPAL"))).item();
        if (principal == null || principal.isEmpty()) {
            return Optional.empty();
        }
        String workspaceId = s(principal, "workspaceId");
        Map<String, AttributeValue> user = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(key("WS#" + workspaceId, "USER#" + s(principal, "userId")))).item();
        return user == null || user.isEmpty() ? Optional.empty() : Optional.of(new Caller(workspaceId, user));
    }

    /** The workspace's name, read as the functions read it (a projection of its workspace item). */
    static String workspaceName(DynamoDbClient dynamo, String table, String workspaceId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                .key(key("WS#" + workspaceId, "#WORKSPACE"))
                .projectionExpression("#n").expressionAttributeNames(Map.of("#n", "name"))).item();
        return item == null || !item.containsKey("name") ? workspaceId : item.get("name").s();
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
    }

    static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
