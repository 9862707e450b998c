package com.salesos.admin.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The merge of the functions' documents, on planted documents: what it joins and what it refuses. */
class ApiDocumentTest {

    @TempDir
    Path dir;

    private static final String PROBLEM = """
                Problem:
                  properties:
                    type: {type: string}
            """;

    @Test
    void joins_the_paths_and_shared_schemas_of_two_functions() throws IOException {
        ClassLoader loader = functions(
                document("/v1/a", "get", "a", PROBLEM),
                document("/v1/b", "post", "b", PROBLEM));

        Map<String, Object> merged = ApiDocument.merged(loader);

        assertThat(OpenApiContractTest.map(merged.get("paths"))).containsOnlyKeys("/v1/a", "/v1/b");
        assertThat(OpenApiContractTest.map(OpenApiContractTest.map(merged.get("components")).get("schemas")))
                .containsOnlyKeys("Problem");
        assertThat(OpenApiContractTest.<Map<String, Object>>list(merged.get("tags")))
                .extracting(t -> t.get("name")).containsExactly("a", "b");
    }

    @Test
    void refuses_a_route_two_functions_document() throws IOException {
        ClassLoader loader = functions(document("/v1/a", "get", "a", PROBLEM), document("/v1/a", "get", "b", PROBLEM));

        assertThatThrownBy(() -> ApiDocument.merged(loader)).hasMessageContaining("GET /v1/a is in two functions");
    }

    @Test
    void refuses_one_schema_name_with_two_shapes() throws IOException {
        ClassLoader loader = functions(document("/v1/a", "get", "a", PROBLEM),
                document("/v1/b", "get", "b", PROBLEM.replace("type: string", "type: integer")));

        assertThatThrownBy(() -> ApiDocument.merged(loader)).hasMessageContaining("schema Problem differs");
    }

    @Test
    void says_where_function_documents_come_from_when_there_are_none() {
        assertThatThrownBy(() -> ApiDocument.merged(new URLClassLoader(new URL[0], null)))
                .hasMessageContaining(ApiDocument.RESOURCE);
    }

    @Test
    void drops_the_object_type_micronaut_openapi_adds_beside_a_nullable_value_and_keeps_real_unions() {
        Map<String, Object> nullableString = new java.util.HashMap<>(Map.of("type", List.of("string", "null", "object")));
        Map<String, Object> nullableObject = new java.util.HashMap<>(Map.of("type", List.of("null", "object")));
        Map<String, Object> tree = Map.of("a", nullableString, "b", List.of(nullableObject));

        ApiDocument.withoutSpuriousObjectType(tree);

        assertThat(nullableString.get("type")).isEqualTo(List.of("string", "null"));
        assertThat(nullableObject.get("type")).isEqualTo(List.of("null", "object"));
    }

    private static String document(String path, String method, String tag, String schemas) {
        return """
                openapi: 3.1.0
                info: {title: t, version: v1}
                paths:
                  %s:
                    %s:
                      tags: [%s]
                      operationId: %s
                      responses:
                        "200": {description: ok}
                components:
                  schemas:
                %s""".formatted(path, method, tag, tag + method, schemas);
    }

    /** A class loader that finds each document as a separate function's resource, as from separate jars. */
    private ClassLoader functions(String... documents) throws IOException {
        URL[] roots = new URL[documents.length];
        for (int i = 0; i < documents.length; i++) {
            Path root = dir.resolve("function" + i);
            Path file = root.resolve(ApiDocument.RESOURCE);
            Files.createDirectories(file.getParent());
            Files.writeString(file, documents[i]);
            roots[i] = root.toUri().toURL();
        }
        return new URLClassLoader(roots, null);
    }
}
