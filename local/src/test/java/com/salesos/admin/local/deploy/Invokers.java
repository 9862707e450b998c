package com.salesos.admin.local.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything in the transformed template that invokes a function, and the name it invokes it by
 * (the function, an alias or a version): API Gateway permissions, SQS event source mappings and
 * EventBridge Scheduler schedules.
 */
public record Invokers(List<Invoker> all) {

    public enum Kind { HTTP_API, SQS, SCHEDULE }

    /** {@code target} is the logical id invoked (function, alias or version); {@code function} the function behind it. */
    public record Invoker(Kind kind, String logicalId, String target, String function, JsonNode properties) {
    }

    public static Invokers of(TransformedTemplate template) {
        List<Invoker> invokers = new ArrayList<>();
        template.resourcesOfType("AWS::Lambda::Permission").forEach((id, permission) -> {
            JsonNode p = permission.path("Properties");
            if (p.path("Principal").asText().equals("apigateway.amazonaws.com")) {
                add(template, invokers, Kind.HTTP_API, id, p.path("FunctionName"), p);
            }
        });
        template.resourcesOfType("AWS::Lambda::EventSourceMapping").forEach((id, mapping) -> {
            JsonNode p = mapping.path("Properties");
            String source = TransformedTemplate.referencedId(p.path("EventSourceArn")).orElse("");
            if (template.typeOf(source).orElse("").equals("AWS::SQS::Queue")) {
                add(template, invokers, Kind.SQS, id, p.path("FunctionName"), p);
            }
        });
        template.resourcesOfType("AWS::Scheduler::Schedule").forEach((id, schedule) -> {
            JsonNode p = schedule.path("Properties");
            add(template, invokers, Kind.SCHEDULE, id, p.path("Target").path("Arn"), p);
        });
        return new Invokers(List.copyOf(invokers));
    }

    private static void add(TransformedTemplate template, List<Invoker> invokers, Kind kind, String id, JsonNode reference,
                            JsonNode properties) {
        TransformedTemplate.referencedId(reference).ifPresent(target -> template.functionBehind(target).ifPresent(
                function -> invokers.add(new Invoker(kind, id, target, function, properties))));
    }

    public List<Invoker> of(String function) {
        return all.stream().filter(i -> i.function().equals(function)).toList();
    }

    public List<Invoker> ofKind(Kind kind) {
        return all.stream().filter(i -> i.kind() == kind).toList();
    }
}
