package com.salesos.admin.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline: a plain RequestHandler with Jackson doing the same JSON work as the invites
 * function on the probed request (read the accept body, validate it, answer a 422 problem).
 */
public final class PlainAcceptHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        try {
            JsonNode body = JSON.readTree(event.getBody());
            List<Map<String, String>> errors = new ArrayList<>();
            for (String field : List.of("token", "password")) {
                if (body.path(field).asText("").isBlank()) {
                    errors.add(Map.of("field", field, "message", "is required"));
                }
            }
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "https://docs.salesos.dev/problems/invalid-input");
            problem.put("title", "The request has invalid fields");
            problem.put("status", 422);
            problem.put("detail", errors.size() + " fields are invalid");
            problem.put("errors", errors);
            return APIGatewayV2HTTPResponse.builder().withStatusCode(errors.isEmpty() ? 200 : 422)
                    .withHeaders(Map.of("Content-Type", "application/problem+json"))
                    .withBody(JSON.writeValueAsString(problem)).build();
        } catch (Exception e) {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(400).build();
        }
    }
}
