package com.salesos.admin.emulator;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.salesos.admin.emulator.calls.Caller;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Does what EventBridge Scheduler does for a function: invokes the handler with the Input the
 * template's schedule event declares (so a test proves the handler accepts exactly that), as the
 * function, so that its AWS calls are recorded for the IAM contract test.
 */
public final class ScheduleDriver<O> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String functionLogicalId;
    private final RequestHandler<Map<String, Object>, O> handler;
    private final Map<String, Object> input;

    public ScheduleDriver(SamTemplate template, String functionLogicalId, RequestHandler<Map<String, Object>, O> handler) {
        this.functionLogicalId = functionLogicalId;
        this.handler = handler;
        this.input = parse(scheduleInput(template, functionLogicalId));
    }

    /** One scheduled invocation. */
    public O fire() {
        return Caller.code(functionLogicalId).run(() -> handler.handleRequest(input, new MockLambdaContext()));
    }

    private static String scheduleInput(SamTemplate template, String functionLogicalId) {
        Map<String, Object> properties = SamTemplate.cast(template.resources().get(functionLogicalId).get("Properties"));
        Map<String, Map<String, Object>> events = SamTemplate.cast(properties.getOrDefault("Events", Map.of()));
        List<String> inputs = events.values().stream().filter(e -> List.of("ScheduleV2", "Schedule").contains(e.get("Type")))
                .map(e -> String.valueOf(SamTemplate.<Map<String, Object>>cast(e.get("Properties")).getOrDefault("Input", "{}")))
                .toList();
        if (inputs.size() != 1) {
            throw new IllegalArgumentException(functionLogicalId + " has " + inputs.size() + " schedule events, expected one");
        }
        return inputs.get(0);
    }

    private static Map<String, Object> parse(String input) {
        try {
            return JSON.readValue(input, new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("Schedule Input is not a JSON object: " + input, e);
        }
    }
}
