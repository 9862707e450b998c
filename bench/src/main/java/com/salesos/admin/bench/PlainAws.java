package com.salesos.admin.bench;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.core.client.builder.SdkClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
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
        return endpoint(DynamoDbClient.builder().region(Region.of(System.getenv("AWS_REGION")))
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .httpClient(HTTP)).build();
    }

    static SesV2Client sesV2() {
        return endpoint(SesV2Client.builder().region(Region.of(System.getenv("AWS_REGION")))
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .httpClient(HTTP)).build();
    }

    private static <B extends SdkClientBuilder<B, ?>> B endpoint(B builder) {
        Optional.ofNullable(System.getenv("AWS_ENDPOINT_URL")).filter(url -> !url.isBlank())
                .ifPresent(url -> builder.endpointOverride(URI.create(url)));
        return builder;
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
    }

    static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
