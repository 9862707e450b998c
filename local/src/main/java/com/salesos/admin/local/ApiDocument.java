package com.salesos.admin.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

/**
 * The OpenAPI document of the whole API. Each HTTP function's document is written at compile time
 * (micronaut-openapi, completed by the {@code salesos-openapi} visitor) into its jar as
 * {@value #RESOURCE}; this merges those found on the classpath into one: paths, schemas and
 * security schemes side by side, refusing any route or schema two functions define differently.
 * The merge adds nothing about routes: everything route-specific comes from the controllers.
 */
public final class ApiDocument {

    /** The name every function's document has in its jar (micronaut.openapi.filename in the function poms). */
    public static final String RESOURCE = "META-INF/swagger/salesos-admin-api.yml";

    private static final String DESCRIPTION = """
            The admin backend of SalesOS, behind one API Gateway HTTP API. Every route but the public \
            ones needs a Cognito access token (`Authorization: Bearer`); `x-permission` and the security \
            requirement's scopes name what the caller must hold: a permission of their role, `signed-in` \
            (any active user), `crm` or `support` (Cognito groups), or `public`. Errors are RFC 9457 \
            problem documents (`application/problem+json`). Lists take `limit` (1 to 200, default 50) \
            and `cursor`, and answer `{items, nextCursor}`. API Gateway also throttles each route and \
            answers 429 and 5xx faults with its own `{"message": ...}` body.""";

    private ApiDocument() {
    }

    /** The merged document as YAML, from the function documents on this class's class path. */
    public static String yaml() {
        return toYaml(merged(ApiDocument.class.getClassLoader()));
    }

    static String toYaml(Map<String, Object> document) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(120);
        return new Yaml(new Representer(options), options).dump(document);
    }

    /** Each function's document, by where it was found. */
    static Map<String, Map<String, Object>> functionDocuments(ClassLoader loader) {
        Map<String, Map<String, Object>> documents = new TreeMap<>();
        try {
            for (URL url : Collections.list(loader.getResources(RESOURCE))) {
                try (InputStream in = url.openStream()) {
                    documents.put(url.toString(), new Yaml(new SafeConstructor(new LoaderOptions())).load(in));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (documents.isEmpty()) {
            throw new IllegalStateException("No " + RESOURCE + " on the class path: the HTTP function modules write it "
                    + "when they compile (their maven-compiler-plugin runs the salesos-openapi visitor)");
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> merged(ClassLoader loader) {
        Map<String, Object> paths = new TreeMap<>();
        Map<String, Object> schemas = new TreeMap<>();
        Map<String, Object> securitySchemes = new TreeMap<>();
        TreeSet<String> tags = new TreeSet<>();
        String version = null;
        for (Map.Entry<String, Map<String, Object>> entry : functionDocuments(loader).entrySet()) {
            String from = entry.getKey();
            Map<String, Object> document = entry.getValue();
            String openapi = String.valueOf(document.get("openapi"));
            if (version != null && !version.equals(openapi)) {
                throw new IllegalStateException(from + " is OpenAPI " + openapi + ", another function's " + version);
            }
            version = openapi;
            ((Map<String, Map<String, Object>>) document.getOrDefault("paths", Map.of())).forEach((path, item) -> {
                Map<String, Object> merged = (Map<String, Object>) paths.computeIfAbsent(path, p -> new TreeMap<>());
                item.forEach((method, operation) -> {
                    if (merged.putIfAbsent(method, operation) != null) {
                        throw new IllegalStateException(method.toUpperCase() + " " + path + " is in two functions' documents ("
                                + from + "); a route belongs to one function");
                    }
                    tags.addAll((List<String>) ((Map<String, Object>) operation).getOrDefault("tags", List.of()));
                });
            });
            Map<String, Object> components = (Map<String, Object>) document.getOrDefault("components", Map.of());
            mergeDistinct("schema", schemas, (Map<String, Object>) components.getOrDefault("schemas", Map.of()), from);
            mergeDistinct("security scheme", securitySchemes,
                    (Map<String, Object>) components.getOrDefault("securitySchemes", Map.of()), from);
        }
        paths.values().forEach(item -> ((Map<String, Object>) item).values().forEach(operation ->
                responsesInOrder((Map<String, Object>) operation)));
        withoutSpuriousObjectType(paths);
        withoutSpuriousObjectType(schemas);

        Map<String, Object> document = new LinkedHashMap<>();
        document.put("openapi", version);
        document.put("info", new LinkedHashMap<>(Map.of("title", "SalesOS Admin API", "version", "v1",
                "description", DESCRIPTION)));
        document.put("tags", tags.stream().map(tag -> Map.of("name", tag, "description", "The " + tag + " function")).toList());
        document.put("paths", paths);
        Map<String, Object> components = new LinkedHashMap<>();
        components.put("schemas", schemas);
        components.put("securitySchemes", securitySchemes);
        document.put("components", components);
        return document;
    }

    /**
     * Responses by status code, so a reader sees success first: micronaut-openapi writes the
     * refusals the visitor gives it before the success it finds itself.
     */
    @SuppressWarnings("unchecked")
    private static void responsesInOrder(Map<String, Object> operation) {
        Object responses = operation.get("responses");
        if (responses instanceof Map<?, ?> byCode) {
            operation.put("responses", new TreeMap<>((Map<String, Object>) byCode));
        }
    }

    /** Two functions may share a schema (the same class, e.g. Problem), never give one name two shapes. */
    private static void mergeDistinct(String what, Map<String, Object> into, Map<String, Object> from, String where) {
        from.forEach((name, value) -> {
            Object before = into.putIfAbsent(name, value);
            if (before != null && !Objects.equals(before, value)) {
                throw new IllegalStateException("The " + what + " " + name + " differs between two functions' documents ("
                        + where + "): rename one of the classes");
            }
        });
    }

    /**
     * micronaut-openapi 6.19.3 marks a nullable value in OpenAPI 3.1 as {@code type: [string, "null",
     * object]}: its {@code SchemaUtils.setNullable} adds the single {@code type}, which 3.1 schemas
     * leave empty, or else "object". That would let any object through where a string is meant, so
     * "object" goes wherever it sits beside another real type.
     */
    @SuppressWarnings("unchecked")
    static void withoutSpuriousObjectType(Object node) {
        if (node instanceof Map<?, ?> map) {
            Object type = map.get("type");
            if (type instanceof List<?> types && types.contains("object")
                    && types.stream().anyMatch(t -> !"object".equals(t) && !"null".equals(t))) {
                List<Object> fixed = new ArrayList<>(types);
                fixed.remove("object");
                ((Map<String, Object>) map).put("type", fixed);
            }
            map.values().forEach(ApiDocument::withoutSpuriousObjectType);
        } else if (node instanceof List<?> list) {
            list.forEach(ApiDocument::withoutSpuriousObjectType);
        }
    }
}
