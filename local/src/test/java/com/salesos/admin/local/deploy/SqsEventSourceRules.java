package com.salesos.admin.local.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The rules Lambda applies to an SQS event source mapping when it creates it, and AWS's advice for one. */
final class SqsEventSourceRules {

    private static final String REPORTED_FAILURES = "com.amazonaws.services.lambda.runtime.events.SQSBatchResponse";

    private final TransformedTemplate template;
    private final Function<String, HandlerJar> jars;

    SqsEventSourceRules(TransformedTemplate template, Function<String, HandlerJar> jarOfFunction) {
        this.template = template;
        this.jars = jarOfFunction;
    }

    List<Finding> check() {
        List<Finding> findings = new ArrayList<>();
        for (Invokers.Invoker source : Invokers.of(template).ofKind(Invokers.Kind.SQS)) {
            JsonNode mapping = source.properties();
            String queueId = TransformedTemplate.referencedId(mapping.path("EventSourceArn")).orElseThrow();
            JsonNode queue = template.resource(queueId).path("Properties");
            JsonNode function = template.resource(source.function()).path("Properties");
            String where = source.function() + " <- " + queueId;
            int timeout = function.path("Timeout").asInt(3);
            int visibility = queue.path("VisibilityTimeout").asInt(30);
            if (visibility < timeout) {
                findings.add(DeployRules.finding(DeployRule.SQS_VISIBILITY_AT_LEAST_TIMEOUT, where,
                        "the queue's VisibilityTimeout " + visibility + " s is below the function's Timeout " + timeout + " s",
                        "set VisibilityTimeout: " + 6 * timeout + " on " + queueId));
            } else if (visibility < 6 * timeout) {
                findings.add(DeployRules.finding(DeployRule.SQS_VISIBILITY_SIX_TIMES_TIMEOUT, where,
                        "the queue's VisibilityTimeout " + visibility + " s is below six times the function's Timeout " + timeout + " s",
                        "set VisibilityTimeout: " + 6 * timeout + " on " + queueId));
            }
            batching(findings, where, mapping, queue.path("FifoQueue").asBoolean(false));
            String handler = function.path("Handler").asText();
            boolean reportsFailures = jars.apply(source.function()).outputType(handler).orElse("").equals(REPORTED_FAILURES);
            boolean declared = TransformedTemplate.items(mapping.path("FunctionResponseTypes")).stream()
                    .anyMatch(t -> t.asText().equals("ReportBatchItemFailures"));
            if (reportsFailures && !declared) {
                findings.add(DeployRules.finding(DeployRule.SQS_REPORTS_ITEM_FAILURES, where,
                        handler + " returns SQSBatchResponse but the event source does not declare ReportBatchItemFailures,"
                                + " so Lambda would retry (or delete) the whole batch",
                        "add FunctionResponseTypes: [ReportBatchItemFailures] to the SQS event of " + source.function()));
            }
            int maximum = mapping.path("ScalingConfig").path("MaximumConcurrency").asInt(0);
            if (maximum < 2 || maximum > 1000) {
                findings.add(DeployRules.finding(DeployRule.SQS_CONCURRENCY_BY_MAXIMUM_CONCURRENCY, where,
                        maximum == 0 ? "the event source sets no ScalingConfig.MaximumConcurrency"
                                : "ScalingConfig.MaximumConcurrency " + maximum + " is outside 2-1000",
                        "add ScalingConfig: {MaximumConcurrency: <2-1000>} to the SQS event of " + source.function()));
            }
            if (function.has("ReservedConcurrentExecutions")) {
                findings.add(DeployRules.finding(DeployRule.SQS_CONCURRENCY_BY_MAXIMUM_CONCURRENCY, where,
                        source.function() + " caps its concurrency with ReservedConcurrentExecutions while an SQS queue feeds it:"
                                + " the pollers keep receiving, throttled messages return to the queue and count towards"
                                + " maxReceiveCount",
                        "remove ReservedConcurrentExecutions from " + source.function()
                                + " and cap each SQS event with ScalingConfig.MaximumConcurrency"));
            }
        }
        return findings;
    }

    private static void batching(List<Finding> findings, String where, JsonNode mapping, boolean fifo) {
        int batchSize = mapping.path("BatchSize").asInt(10);
        int window = mapping.path("MaximumBatchingWindowInSeconds").asInt(0);
        int maximum = fifo ? 10 : window > 0 ? 10_000 : 10;
        if (batchSize < 1 || batchSize > maximum) {
            findings.add(DeployRules.finding(DeployRule.SQS_BATCHING_WITHIN_LIMITS, where,
                    "BatchSize " + batchSize + " is outside 1-" + maximum + (fifo ? " (FIFO queue)" : window > 0 ? "" : " without a batching window"),
                    "set BatchSize within 1-" + maximum + (fifo || window > 0 ? "" : ", or add MaximumBatchingWindowInSeconds")));
        }
        if (window < 0 || window > 300 || (fifo && window > 0)) {
            findings.add(DeployRules.finding(DeployRule.SQS_BATCHING_WITHIN_LIMITS, where,
                    "MaximumBatchingWindowInSeconds " + window + (fifo ? " on a FIFO queue" : " is outside 0-300"),
                    fifo ? "remove MaximumBatchingWindowInSeconds" : "set MaximumBatchingWindowInSeconds within 0-300"));
        }
    }
}
