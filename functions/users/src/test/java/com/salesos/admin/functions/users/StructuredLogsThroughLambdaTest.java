package com.salesos.admin.functions.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesos.admin.emulator.CapturedLogs;
import com.salesos.admin.emulator.LambdaApi;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.users.User;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Everything the function writes while it serves requests is one JSON object per line, each with
 * level, message, function and request ids, the caller's workspace and id once known, and nothing
 * secret from the request.
 */
class StructuredLogsThroughLambdaTest {

    static final String PASSWORD = "Correct-Horse-9-Battery";
    static final String SECRET = "eyJhbGciOiJIUzI1NiJ9.secret-looking-value";
    static final String TRACE = "Root=1-6756f1a2-0123456789abcdef01234567;Parent=53995c3f42cd8ad8;Sampled=1";
    static LambdaApi api;
    static User admin;

    @BeforeAll
    static void setUp() {
        LocalAws aws = LocalAws.fresh();
        aws.workspaces().createWorkspace("ws-logs", "Logs Inc", "team", 5);
        admin = aws.workspaces().addUser("ws-logs", "usr_logs_admin", "admin@logs.test", "Ada", "admin", null, PASSWORD);
        aws.workspaces().addUser("ws-logs", "usr_logs_rep", "rep@logs.test", "Rey", "sales-rep", null, PASSWORD);
        api = new LambdaApi();
    }

    @AfterAll
    static void tearDown() {
        api.close();
    }

    @Test
    void every_line_of_a_request_is_a_json_object_with_level_message_and_the_invocations_ids() throws Exception {
        CapturedLogs captured = CapturedLogs.during(() -> {
            api.call("GET", "/v1/me", null, admin.subject(), Map.of("x-amzn-trace-id", TRACE));
            api.call("GET", "/v1/health", null, null);
            api.call("GET", "/v1/users", null, null);
            api.call("PATCH", "/v1/users/usr_logs_rep", "{\"role\":\"" + SECRET + "\",\"password\":\"" + PASSWORD + "\"}",
                    admin.subject(), Map.of("authorization", "Bearer " + SECRET));
        });

        List<JsonNode> parsed = captured.lines();
        for (JsonNode node : parsed) {
            String line = node.toString();
            assertThat(node.isObject()).as(line).isTrue();
            assertThat(node.path("level").asText()).as(line).isIn("TRACE", "DEBUG", "INFO", "WARN", "ERROR");
            assertThat(node.path("message").asText()).as(line).isNotBlank();
            assertThat(node.path("function").asText()).as(line).isNotBlank();
            assertThat(node.path("requestId").asText()).as(line).isNotBlank();
            assertThat(line).doesNotContain(SECRET).doesNotContain(PASSWORD);
        }
        List<JsonNode> requests = parsed.stream().filter(n -> "request".equals(n.path("type").asText())).toList();
        assertThat(requests).extracting(n -> n.path("route").asText() + " " + n.path("status").asInt())
                .containsExactly("/v1/me 200", "/v1/health 200", "/v1/users 401", "/v1/users/{id} 422");
        JsonNode me = requests.get(0);
        assertThat(me.path("workspaceId").asText()).isEqualTo("ws-logs");
        assertThat(me.path("callerId").asText()).isEqualTo("usr_logs_admin");
        assertThat(me.path("apiRequestId").asText()).isNotBlank();
        assertThat(me.path("traceId").asText()).isEqualTo("1-6756f1a2-0123456789abcdef01234567");
        assertThat(requests.get(1).has("callerId")).as("a public route has no caller").isFalse();
        assertThat(requests.stream().map(n -> n.path("requestId").asText()).distinct()).hasSize(4);
    }
}
