package com.salesos.admin.local.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Rules for every function: its code, handler, runtime, SnapStart and limits. */
final class FunctionRules {

    /** Supported Java runtimes that run Java 17 bytecode (java8.al2 and java11 cannot), with their class file version. */
    static final Map<String, Integer> JAVA_RUNTIMES = Map.of("java17", 61, "java21", 65, "java25", 69);
    private static final Map<Invokers.Kind, String> EVENT_TYPES = Map.of(
            Invokers.Kind.HTTP_API, "com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent",
            Invokers.Kind.SQS, "com.amazonaws.services.lambda.runtime.events.SQSEvent");

    private final TransformedTemplate template;
    private final Path root;
    private final Function<String, HandlerJar> jars;

    FunctionRules(TransformedTemplate template, Path root, Function<String, HandlerJar> jarOfFunction) {
        this.template = template;
        this.root = root;
        this.jars = jarOfFunction;
    }

    List<Finding> check() {
        List<Finding> findings = new ArrayList<>();
        Invokers invokers = Invokers.of(template);
        template.functions().forEach((id, function) -> {
            JsonNode p = function.path("Properties");
            if (codeUri(findings, id, p)) {
                handler(findings, id, p.path("Handler").asText(), invokers);
                runtime(findings, id, p.path("Runtime").asText());
            }
            snapStart(findings, id, p, invokers);
            limits(findings, id, p, invokers);
        });
        return findings;
    }

    /** Whether the jar CodeUri names is the one mvn package builds, and exists (the other checks read it). */
    private boolean codeUri(List<Finding> findings, String id, JsonNode p) {
        String codeUri = p.path("Code").path("S3Key").asText();
        String module = codeUri.contains("/target/") ? codeUri.substring(0, codeUri.indexOf("/target/")) : "";
        Optional<String> packaged = new PackagedJars(root).jarOf(module);
        if (packaged.isEmpty() || !packaged.get().equals(codeUri)) {
            findings.add(DeployRules.finding(DeployRule.CODE_URI_IS_THE_PACKAGED_JAR, id,
                    "CodeUri " + codeUri + " is not the jar mvn package builds" + packaged.map(j -> " (" + j + ")").orElse(
                            " (" + (module.isEmpty() ? "no module" : module) + " is not a module of the root pom)"),
                    "set CodeUri of " + id + " to " + packaged.orElse("<module>/target/<artifactId>-<version>-lambda.jar")));
            return false;
        }
        if (!Files.exists(root.resolve(codeUri))) {
            findings.add(DeployRules.finding(DeployRule.CODE_URI_IS_THE_PACKAGED_JAR, id, codeUri + " does not exist",
                    "run mvn package (mvn verify builds it before the local module's tests)"));
            return false;
        }
        return true;
    }

    private void handler(List<Finding> findings, String id, String handler, Invokers invokers) {
        HandlerJar jar = jars.apply(id);
        Optional<String> problem = jar.problemWith(handler);
        if (problem.isPresent()) {
            findings.add(DeployRules.finding(DeployRule.HANDLER_IN_JAR, id, "Handler " + handler + ": " + problem.get(),
                    "set Handler of " + id + " to a handler class of its module, or shade that class into the module's jar"));
            return;
        }
        for (Invokers.Invoker invoker : invokers.of(id)) {
            String expected = EVENT_TYPES.get(invoker.kind());
            String actual = jar.inputType(handler).orElse("?");
            if (expected != null && !expected.equals(actual)) {
                findings.add(DeployRules.finding(DeployRule.HANDLER_TAKES_ITS_EVENTS, id,
                        invoker.kind() + " event " + invoker.logicalId() + " delivers " + simple(expected) + " but " + handler
                                + " takes " + simple(actual),
                        "use a handler for " + simple(expected) + " in " + id));
            }
        }
    }

    private void runtime(List<Finding> findings, String id, String runtime) {
        Integer supports = JAVA_RUNTIMES.get(runtime);
        if (supports == null) {
            findings.add(DeployRules.finding(DeployRule.RUNTIME_SUPPORTED, id, "Runtime " + runtime
                    + " is not a supported Java runtime for this code", "set Runtime to one of " + JAVA_RUNTIMES.keySet()));
            return;
        }
        int bytecode = jars.apply(id).highestClassVersionOf("com.salesos");
        if (bytecode > supports) {
            findings.add(DeployRules.finding(DeployRule.RUNTIME_SUPPORTED, id, "classes compiled for Java " + (bytecode - 44)
                    + " cannot run on " + runtime, "raise Runtime or lower maven.compiler.release"));
        }
    }

    private void snapStart(List<Finding> findings, String id, JsonNode p, Invokers invokers) {
        if (!p.path("SnapStart").path("ApplyOn").asText().equals("PublishedVersions")) {
            return;
        }
        boolean published = template.resourcesOfType("AWS::Lambda::Version").values().stream()
                .anyMatch(v -> TransformedTemplate.referencedId(v.path("Properties").path("FunctionName")).orElse("").equals(id));
        if (!published) {
            findings.add(DeployRules.finding(DeployRule.SNAPSTART_ON_PUBLISHED_VERSIONS, id,
                    "SnapStart is on but no version is published, so every invocation runs $LATEST without a snapshot",
                    "add AutoPublishAlias to " + id + " (or to Globals.Function)"));
        }
        for (Invokers.Invoker invoker : invokers.of(id)) {
            if (invoker.target().equals(id)) {
                findings.add(DeployRules.finding(DeployRule.SNAPSTART_ON_PUBLISHED_VERSIONS, id,
                        invoker.logicalId() + " invokes the unqualified function ($LATEST), which SnapStart does not cover",
                        "point " + invoker.logicalId() + " at the alias (with AutoPublishAlias, SAM does so for Events)"));
            }
        }
        if (p.path("EphemeralStorage").path("Size").asInt(512) > 512) {
            findings.add(DeployRules.finding(DeployRule.SNAPSTART_ON_PUBLISHED_VERSIONS, id,
                    "SnapStart supports no ephemeral storage above 512 MB", "remove EphemeralStorage or SnapStart"));
        }
    }

    private void limits(List<Finding> findings, String id, JsonNode p, Invokers invokers) {
        int timeout = p.path("Timeout").asInt(3);
        int memory = p.path("MemorySize").asInt(128);
        if (timeout < 1 || timeout > 900) {
            findings.add(DeployRules.finding(DeployRule.TIMEOUT_AND_MEMORY_WITHIN_LIMITS, id, "Timeout " + timeout
                    + " s is outside 1-900", "set Timeout within 1-900"));
        }
        if (memory < 128 || memory > 10_240) {
            findings.add(DeployRules.finding(DeployRule.TIMEOUT_AND_MEMORY_WITHIN_LIMITS, id, "MemorySize " + memory
                    + " MB is outside 128-10240", "set MemorySize within 128-10240"));
        }
        boolean http = invokers.of(id).stream().anyMatch(i -> i.kind() == Invokers.Kind.HTTP_API);
        if (http && timeout > 30) {
            findings.add(DeployRules.finding(DeployRule.TIMEOUT_AND_MEMORY_WITHIN_LIMITS, id, "Timeout " + timeout
                    + " s is longer than the 30 s an HTTP API waits, so callers get 503 while the function still runs",
                    "set Timeout of " + id + " to at most 30"));
        }
    }

    private static String simple(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
