package com.salesos.admin.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The log writer: whatever a value holds, the output is one line holding one JSON object. */
class LogLineTest {

    private static final String NASTY = "say \"hi\" \\ back\nslash\r\ttab \u0000\u0001\u001f\u007f end \u2028 é";

    @Test
    void a_value_with_quotes_backslashes_line_breaks_and_control_characters_reads_back_unchanged() throws IOException {
        String json = LogLine.of("message").with("outcome", NASTY).toJson();
        assertThat(json).doesNotContain("\n", "\r", "\u0000", "\u0001", "\u001f");
        assertThat(parse(json)).containsEntry("type", "message").containsEntry("outcome", NASTY);
    }

    @Test
    void a_value_cannot_forge_a_field() throws IOException {
        String json = LogLine.of("request").with("route", "x\",\"status\":200,\"y\":\"").toJson();
        assertThat(parse(json)).containsOnlyKeys("level", "message", "type", "route");
    }

    @Test
    void writes_one_line_with_fields_in_the_order_given_nulls_numbers_and_lists() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LogLine.of("schedule").with("job", "plan-downgrades").with("workspace", (String) null).with("applied", 3)
                .with("failedWorkspaces", List.of("ws-1", "ws\"2")).withMillis("latencyMs", 1.5)
                .writeTo(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).endsWith("\n").hasLineCount(1);
        Map<String, Object> fields = parse(out.strip());
        assertThat(fields.keySet()).containsExactly("level", "message", "type", "job", "workspace", "applied", "failedWorkspaces", "latencyMs");
        assertThat(fields).containsEntry("workspace", null).containsEntry("applied", "3")
                .containsEntry("failedWorkspaces", List.of("ws-1", "ws\"2")).containsEntry("latencyMs", "1.50");
    }

    @Test
    void a_line_starts_with_level_and_message_then_the_invocations_ids_then_its_own_fields() throws IOException {
        LogContext.begin(java.util.Optional.empty(), "api-req-1", "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");
        LogContext.identify("ws-1", "usr_1");
        try {
            Map<String, Object> fields = parse(LogLine.of("request").message("GET /v1/me 200").with("status", 200).toJson());

            assertThat(fields.keySet()).containsExactly("level", "message", "function", "requestId", "apiRequestId",
                    "traceId", "workspaceId", "callerId", "type", "status");
            assertThat(fields).containsEntry("level", "INFO").containsEntry("message", "GET /v1/me 200")
                    .containsEntry("function", "local").containsEntry("apiRequestId", "api-req-1")
                    .containsEntry("traceId", "1-5759e988-bd862e3fe1be46a994272793")
                    .containsEntry("workspaceId", "ws-1").containsEntry("callerId", "usr_1");
        } finally {
            LogContext.end();
        }
        assertThat(parse(LogLine.of("request").toJson())).as("after the invocation").doesNotContainKeys("requestId", "workspaceId");
    }

    @Test
    void slf4j_lines_are_json_lines_with_level_logger_and_exception_classes_but_no_exception_message() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            org.slf4j.Logger library = org.slf4j.LoggerFactory.getLogger("io.micronaut.Something");
            library.info("not written: libraries log WARN and up");
            library.warn("store {} busy", "table");
            library.error("boom", new IllegalStateException("token=secret-value"));
        } finally {
            System.setOut(original);
        }
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();

        assertThat(lines).hasSize(2);
        assertThat(parse(lines.get(0))).containsEntry("level", "WARN").containsEntry("message", "store table busy")
                .containsEntry("logger", "io.micronaut.Something");
        assertThat(parse(lines.get(1))).containsEntry("level", "ERROR").containsKey("exception");
        assertThat(lines.get(1)).contains("java.lang.IllegalStateException").doesNotContain("secret-value");
    }

    /** A flat object of strings, numbers (as their text), nulls and arrays of strings; fails on anything else. */
    private static Map<String, Object> parse(String json) throws IOException {
        Map<String, Object> fields = new LinkedHashMap<>();
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.START_ARRAY) {
                    List<String> items = new ArrayList<>();
                    while (parser.nextToken() == JsonToken.VALUE_STRING) {
                        items.add(parser.getText());
                    }
                    fields.put(name, items);
                } else {
                    fields.put(name, value == JsonToken.VALUE_NULL ? null : parser.getText());
                }
            }
            assertThat(parser.currentToken()).isEqualTo(JsonToken.END_OBJECT);
            assertThat(parser.nextToken()).as("nothing after the object").isNull();
        }
        return fields;
    }
}
