package com.salesos.admin.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates the template's tables in the emulator through DynamoDB's own JSON protocol (a POST with
 * the operation in {@code X-Amz-Target}), not through the SDK client: the functions ship a
 * DynamoDB module cut to the operations they call (slim/dynamodb), and {@code CreateTable} with its
 * table description is a large part of what would otherwise ship for the emulator's sake alone
 * (docs/benchmarks.md, "Jars"). The emulator is moto, which reads the region from the credential
 * scope and does not check the signature.
 */
final class DynamoTables {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private final URI endpoint;
    private final String region;
    private final HttpClient http = HttpClient.newHttpClient();

    DynamoTables(URI endpoint, String region) {
        this.endpoint = endpoint;
        this.region = region;
    }

    /**
     * Creates a table from its CloudFormation properties (which name their fields as the API does)
     * and turns on its TTL when declared; returns the table's ARN.
     */
    String create(String name, Map<String, Object> properties) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("TableName", name);
        request.put("BillingMode", properties.getOrDefault("BillingMode", "PAY_PER_REQUEST"));
        request.put("AttributeDefinitions", properties.get("AttributeDefinitions"));
        request.put("KeySchema", properties.get("KeySchema"));
        List<Map<String, Object>> indexes = SamTemplate.cast(properties.getOrDefault("GlobalSecondaryIndexes", List.of()));
        if (!indexes.isEmpty()) {
            request.put("GlobalSecondaryIndexes", indexes.stream().map(index -> Map.of(
                    "IndexName", index.get("IndexName"),
                    "KeySchema", index.get("KeySchema"),
                    "Projection", index.get("Projection"))).toList());
        }
        String arn = call("CreateTable", request).path("TableDescription").path("TableArn").asText();
        Map<String, Object> ttl = SamTemplate.cast(properties.get("TimeToLiveSpecification"));
        if (ttl != null && Boolean.TRUE.equals(ttl.get("Enabled"))) {
            call("UpdateTimeToLive", Map.of("TableName", name,
                    "TimeToLiveSpecification", Map.of("AttributeName", ttl.get("AttributeName"), "Enabled", true)));
        }
        return arn;
    }

    private JsonNode call(String operation, Map<String, Object> body) {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        try {
            HttpRequest request = HttpRequest.newBuilder(endpoint)
                    .header("Content-Type", "application/x-amz-json-1.0")
                    .header("X-Amz-Target", "DynamoDB_20120810." + operation)
                    .header("X-Amz-Date", INSTANT.format(now))
                    .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + EmulatorClients.ACCESS_KEY + "/" + DAY.format(now)
                            + "/" + region + "/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=emulator")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("DynamoDB " + operation + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
