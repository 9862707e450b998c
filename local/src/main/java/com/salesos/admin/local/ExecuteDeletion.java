package com.salesos.admin.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.salesos.admin.emulator.EmulatorClients;
import com.salesos.admin.emulator.GatewayEvents;
import com.salesos.admin.emulator.RepositoryRoot;
import io.micronaut.function.aws.LambdaApplicationContextBuilder;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;

/**
 * {@code bin/execute-deletion <deletion request id> <workspace id> [--at <instant>]}: support's
 * execute step of a workspace deletion against the running local stack, through the support
 * function's own handler as the session's support identity, now or as if it were {@code --at}
 * (to get past the waiting period without waiting 72 hours). The local stack's poller then runs
 * the deletion worker from the queue.
 */
public final class ExecuteDeletion {

    private ExecuteDeletion() {
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        if (args.length != 2 && !(args.length == 4 && args[2].equals("--at"))) {
            System.err.println("usage: bin/execute-deletion <deletion request id> <workspace id> [--at <instant>]");
            System.exit(2);
        }
        Path state = RepositoryRoot.locate().resolve(".salesos-local");
        if (!Files.isRegularFile(state.resolve("environment.json")) || !Files.isRegularFile(state.resolve("session.json"))) {
            throw new IllegalStateException("Start bin/local first: " + state + " has no environment.json or session.json");
        }
        ObjectMapper json = new ObjectMapper();
        ((Map<String, String>) json.readValue(state.resolve("environment.json").toFile(), Map.class)).forEach(System::setProperty);
        System.setProperty("aws.accessKeyId", EmulatorClients.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", EmulatorClients.SECRET_KEY);
        Clock clock = args.length == 4 ? Clock.fixed(Instant.parse(args[3]), ZoneOffset.UTC) : Clock.systemUTC();
        if (args.length == 4) {
            System.err.println("Note: --at " + args[3] + " executes as if it were that time: the request's start and its"
                    + " audit record carry it.");
        }
        // The subject the gateway's authorizer would pass on: the support token's own claim.
        String token = json.readTree(state.resolve("session.json").toFile()).path("support").path("accessToken").asText();
        JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        Map<String, String> gatewayClaims = Map.of("sub", claims.path("sub").asText(), "token_use", "access",
                "cognito:groups", "[support]");
        String path = "/v1/support/deletion-requests/" + args[0] + "/execute";
        String body = json.writeValueAsString(Map.of("workspaceId", args[1]));
        try (APIGatewayV2HTTPEventFunction handler = new APIGatewayV2HTTPEventFunction(
                new LambdaApplicationContextBuilder().singletons(clock).build())) {
            APIGatewayV2HTTPResponse response = handler.handleRequest(
                    GatewayEvents.requestWithClaims("POST", path, body, gatewayClaims, Map.of()), new MockLambdaContext());
            System.out.println(response.getStatusCode() + " " + (response.getBody() == null ? ""
                    : new String(response.getIsBase64Encoded() ? Base64.getDecoder().decode(response.getBody())
                            : response.getBody().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)));
        }
        System.exit(0);
    }
}
