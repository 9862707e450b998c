package com.salesos.admin.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What functions write to standard output while some code runs, as Lambda would ship it to
 * CloudWatch: one JSON object per line. Parsing fails on any line that is not JSON, so every test
 * that captures output also checks the "every line is JSON" rule (docs/operations.md).
 */
public record CapturedLogs(List<JsonNode> lines) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Runs {@code code} with standard output captured; output of other threads meanwhile is captured too. */
    public static CapturedLogs during(Runnable code) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            code.run();
        } finally {
            System.setOut(original);
        }
        return new CapturedLogs(bytes.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank())
                .map(CapturedLogs::parse).toList());
    }

    /** The CloudWatch Embedded Metric Format lines (those with an {@code _aws} directive). */
    public List<JsonNode> metrics() {
        return lines.stream().filter(l -> l.has("_aws")).toList();
    }

    /** The values of one metric, in the order written. */
    public List<Long> metric(String name) {
        return metrics().stream().filter(m -> m.has(name)).map(m -> m.path(name).asLong()).toList();
    }

    /** Everything written, as one text, for "never logs X" checks. */
    public String text() {
        return lines.toString();
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new AssertionError("a log line that is not one JSON object: " + line, e);
        }
    }
}
