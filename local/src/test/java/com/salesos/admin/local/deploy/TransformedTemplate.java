package com.salesos.admin.local.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.salesos.admin.emulator.RepositoryRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * template.yaml after the SAM transform (bin/sam-transform, the translator cfn-lint ships): what
 * CloudFormation really creates, with Globals applied and every implicit resource SAM adds (roles
 * with the managed policies it attaches, versions and aliases, event source mappings, schedules and
 * their roles). The deploy rules and the IAM check read this rather than guess SAM's behaviour.
 */
public final class TransformedTemplate {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile TransformedTemplate ofRepository;

    private final JsonNode root;

    public TransformedTemplate(JsonNode root) {
        this.root = root;
    }

    /** The repository's template.yaml, transformed once per JVM. */
    public static TransformedTemplate ofRepository() {
        if (ofRepository == null) {
            ofRepository = of(RepositoryRoot.locate().resolve("template.yaml"));
        }
        return ofRepository;
    }

    /** Any SAM template file (the checker's own tests plant mistakes in copies of template.yaml). */
    public static TransformedTemplate of(Path template) {
        Path script = RepositoryRoot.locate().resolve("bin/sam-transform");
        try {
            Process process = new ProcessBuilder("python3", script.toString(), template.toString())
                    .redirectError(ProcessBuilder.Redirect.PIPE).start();
            byte[] out = process.getInputStream().readAllBytes();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("bin/sam-transform " + template + " failed (needs python3 with cfn-lint's"
                        + " samtranslator):\n" + err);
            }
            return new TransformedTemplate(JSON.readTree(out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A template text (e.g. template.yaml with a planted mistake), transformed. */
    public static TransformedTemplate ofText(String yaml) {
        try {
            Path file = Files.createTempFile("template", ".yaml");
            try {
                Files.writeString(file, yaml);
                return of(file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode root() {
        return root;
    }

    public JsonNode resource(String logicalId) {
        JsonNode resource = root.path("Resources").path(logicalId);
        if (resource.isMissingNode()) {
            throw new IllegalArgumentException("No resource " + logicalId + " in the transformed template");
        }
        return resource;
    }

    public Optional<String> typeOf(String logicalId) {
        JsonNode type = root.path("Resources").path(logicalId).path("Type");
        return type.isMissingNode() ? Optional.empty() : Optional.of(type.asText());
    }

    /** Logical id to resource, for every resource of this type, in template order. */
    public Map<String, JsonNode> resourcesOfType(String type) {
        Map<String, JsonNode> matching = new LinkedHashMap<>();
        root.path("Resources").properties().forEach(e -> {
            if (type.equals(e.getValue().path("Type").asText())) {
                matching.put(e.getKey(), e.getValue());
            }
        });
        return matching;
    }

    /** The Lambda functions (SAM's AWS::Serverless::Function become AWS::Lambda::Function). */
    public Map<String, JsonNode> functions() {
        return resourcesOfType("AWS::Lambda::Function");
    }

    /** The logical id of the resource a {@code Ref} or {@code Fn::GetAtt} names, if the value is one. */
    public static Optional<String> referencedId(JsonNode value) {
        if (value.has("Ref")) {
            return Optional.of(value.get("Ref").asText());
        }
        if (value.has("Fn::GetAtt")) {
            JsonNode getAtt = value.get("Fn::GetAtt");
            return Optional.of(getAtt.isArray() ? getAtt.get(0).asText() : getAtt.asText().split("\\.")[0]);
        }
        return Optional.empty();
    }

    /** The function an alias or version belongs to, or the function itself. */
    public Optional<String> functionBehind(String logicalId) {
        String type = typeOf(logicalId).orElse("");
        if (type.equals("AWS::Lambda::Function")) {
            return Optional.of(logicalId);
        }
        if (type.equals("AWS::Lambda::Alias") || type.equals("AWS::Lambda::Version")) {
            return referencedId(resource(logicalId).path("Properties").path("FunctionName"));
        }
        return Optional.empty();
    }

    /** Items of a value that may be one item or a list (IAM's Action and Resource). */
    public static List<JsonNode> items(JsonNode value) {
        List<JsonNode> items = new ArrayList<>();
        if (value == null || value.isMissingNode() || value.isNull()) {
            return items;
        }
        if (value.isArray()) {
            value.forEach(items::add);
        } else {
            items.add(value);
        }
        return items;
    }
}
