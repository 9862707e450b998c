package com.salesos.admin.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.emulator.SamTemplate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document bin/local serves ({@link ApiDocument}, merged from what each function's
 * build wrote) against template.yaml, the deployable truth, and against {@link RouteAccess}, the
 * test suite's own table of who may call what: the same routes, public exactly where the
 * template has no authorizer, the permission the table says, and nothing a client cannot send.
 */
class OpenApiContractTest {

    static final SamTemplate TEMPLATE = SamTemplate.ofRepository();
    static final Map<String, Object> DOCUMENT = ApiDocument.merged(OpenApiContractTest.class.getClassLoader());
    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    record Operation(String method, String path, Map<String, Object> body) {
        String key() {
            return method.toUpperCase() + " " + path;
        }

        String shape() {
            return method.toUpperCase() + " " + path.replaceAll("\\{[^}]+}", "{}");
        }
    }

    @Test
    void it_is_openapi_3_1_with_one_bearer_jwt_scheme() {
        assertThat(String.valueOf(DOCUMENT.get("openapi"))).startsWith("3.1.");
        assertThat(map(map(DOCUMENT.get("components")).get("securitySchemes"))).containsOnlyKeys("bearerJwt");
        assertThat(map(map(map(DOCUMENT.get("components")).get("securitySchemes")).get("bearerJwt")))
                .containsEntry("type", "http").containsEntry("scheme", "bearer").containsEntry("bearerFormat", "JWT");
    }

    @Test
    void its_paths_and_methods_are_exactly_the_template_routes() {
        Set<String> documented = operations().stream().map(Operation::key).collect(Collectors.toCollection(TreeSet::new));
        Set<String> inTemplate = TEMPLATE.routes().stream().map(r -> r.method() + " " + r.path())
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(documented).isEqualTo(inTemplate);
    }

    @Test
    void public_routes_of_the_template_are_exactly_the_operations_without_security() {
        Set<String> withoutSecurity = operations().stream().filter(o -> !o.body().containsKey("security"))
                .map(Operation::key).collect(Collectors.toCollection(TreeSet::new));
        Set<String> publicInTemplate = TEMPLATE.routes().stream().filter(r -> !r.authorized())
                .map(r -> r.method() + " " + r.path()).collect(Collectors.toCollection(TreeSet::new));

        assertThat(publicInTemplate).isNotEmpty();
        assertThat(withoutSecurity).isEqualTo(publicInTemplate);
    }

    @Test
    void every_operation_names_the_permission_the_route_table_says_in_its_extension_and_its_security_scopes() {
        Map<String, String> documented = new TreeMap<>();
        for (Operation operation : operations()) {
            String permission = String.valueOf(operation.body().get("x-permission"));
            documented.put(operation.shape(), permission);
            if (operation.body().containsKey("security")) {
                List<Map<String, Object>> security = list(operation.body().get("security"));
                assertThat(security).as(operation.key()).hasSize(1);
                List<String> scopes = list(security.get(0).get("bearerJwt"));
                assertThat(scopes).as("%s requires a bearer token with these roles", operation.key())
                        .isEqualTo(permission.equals("signed-in") ? List.of() : List.of(permission));
            }
        }
        assertThat(documented).isEqualTo(new TreeMap<>(RouteAccess.BY_ROUTE));
    }

    @Test
    void each_route_is_documented_by_the_function_the_template_sends_it_to() {
        for (SamTemplate.Route route : TEMPLATE.routes()) {
            SamTemplate.Function function = TEMPLATE.functions().stream()
                    .filter(f -> f.logicalId().equals(route.function())).findFirst().orElseThrow();
            Matcher module = Pattern.compile("functions/([^/]+)/").matcher(function.codeUri());
            assertThat(module.find()).as(function.codeUri()).isTrue();
            Operation operation = operation(route.method(), route.path());
            assertThat(list(operation.body().get("tags"))).as(operation.key()).containsExactly(module.group(1));
        }
    }

    @Test
    void path_parameters_are_exactly_the_template_path_variables() {
        for (Operation operation : operations()) {
            Set<String> inPath = new TreeSet<>();
            Matcher variable = Pattern.compile("\\{([^}]+)}").matcher(operation.path());
            while (variable.find()) {
                inPath.add(variable.group(1));
            }
            Set<String> documented = parameters(operation).stream().filter(p -> "path".equals(p.get("in")))
                    .map(p -> String.valueOf(p.get("name"))).collect(Collectors.toCollection(TreeSet::new));
            assertThat(documented).as(operation.key()).isEqualTo(inPath);
        }
    }

    /**
     * The edge's request argument binders supply the caller (a user, the CRM, support staff) from
     * the verified token: a client never sends one, so no parameter, body property or schema names it.
     */
    @Test
    void values_the_server_injects_appear_nowhere_in_the_document() {
        Set<String> injected = injectedTypes();
        assertThat(injected).contains("Caller", "CrmClient", "SupportStaff");

        assertThat(map(map(DOCUMENT.get("components")).get("schemas")).keySet()).doesNotContainAnyElementsOf(injected);
        String everything = ApiDocument.toYaml(DOCUMENT);
        for (String type : injected) {
            assertThat(everything).as("a reference to %s", type).doesNotContain("/schemas/" + type + "\"")
                    .doesNotContain("/schemas/" + type + "\n");
        }
        for (Operation operation : operations()) {
            assertThat(parameters(operation)).as(operation.key())
                    .noneMatch(p -> Set.of("caller", "crm", "staff").contains(String.valueOf(p.get("name"))));
        }
    }

    @Test
    void every_operation_has_a_success_answer_and_every_refusal_but_the_gateways_is_a_problem_document() {
        for (Operation operation : operations()) {
            Map<String, Object> responses = map(operation.body().get("responses"));
            assertThat(responses.keySet()).as(operation.key()).anyMatch(code -> code.matches("[23]\\d\\d"));
            responses.forEach((code, response) -> {
                if (code.matches("[45]\\d\\d") && !code.equals("401")) {
                    Map<String, Object> content = map(map(response).get("content"));
                    assertThat(content).as("%s answers %s with", operation.key(), code).containsOnlyKeys("application/problem+json");
                    assertThat(map(map(content.get("application/problem+json")).get("schema")))
                            .containsEntry("$ref", "#/components/schemas/Problem");
                }
            });
            if (operation.body().containsKey("security")) {
                assertThat(responses).as(operation.key()).containsKeys("401", "403");
            } else {
                assertThat(responses).as(operation.key()).doesNotContainKeys("401", "403");
            }
            if (operation.path().contains("{")) {
                assertThat(responses).as(operation.key()).containsKey("404");
            }
        }
    }

    /** Jar budget: the generator and the viewer are build and dev tools; a function carries only its document. */
    @Test
    void each_lambda_jar_carries_its_functions_document_and_neither_the_viewer_nor_the_generator() throws Exception {
        for (SamTemplate.Function function : TEMPLATE.functions()) {
            java.nio.file.Path jar = com.salesos.admin.emulator.RepositoryRoot.locate().resolve(function.codeUri());
            assertThat(jar).as("%s's jar (mvn package builds it)", function.logicalId()).exists();
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
                List<String> entries = zip.stream().map(java.util.zip.ZipEntry::getName).toList();
                assertThat(entries).as(function.logicalId()).noneMatch(name -> name.startsWith("META-INF/resources/webjars/")
                        || name.startsWith("io/swagger/") || name.startsWith("io/micronaut/openapi/")
                        || name.startsWith("com/salesos/admin/openapi/"));
                assertThat(entries.contains(ApiDocument.RESOURCE)).as("%s carries its OpenAPI document", function.logicalId())
                        .isEqualTo(!function.routes().isEmpty());
            }
        }
    }

    @Test
    void operation_ids_are_unique() {
        List<String> ids = operations().stream().map(o -> String.valueOf(o.body().get("operationId"))).toList();
        assertThat(ids).doesNotHaveDuplicates().doesNotContain("null");
    }

    @Test
    void no_value_is_typed_as_any_object_beside_its_real_type() {
        List<String> found = new ArrayList<>();
        findMixedTypes(DOCUMENT, "", found);
        assertThat(found).isEmpty();
    }

    private static void findMixedTypes(Object node, String at, List<String> found) {
        if (node instanceof Map<?, ?> m) {
            if (m.get("type") instanceof List<?> types && types.contains("object") && types.size() > 1
                    && types.stream().anyMatch(t -> !"object".equals(t) && !"null".equals(t))) {
                found.add(at + ": " + types);
            }
            m.forEach((k, v) -> findMixedTypes(v, at + "/" + k, found));
        } else if (node instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                findMixedTypes(l.get(i), at + "/" + i, found);
            }
        }
    }

    /** The simple names of the types the edge's {@code TypedRequestArgumentBinder}s produce, read from their classes. */
    static Set<String> injectedTypes() {
        Set<String> types = new TreeSet<>();
        for (JavaClass binder : new ClassFileImporter().importPackages("com.salesos.admin.web")) {
            if (binder.isAssignableTo(TypedRequestArgumentBinder.class) && !binder.isInterface()) {
                for (var type : binder.reflect().getGenericInterfaces()) {
                    if (type instanceof ParameterizedType parameterized
                            && parameterized.getRawType().equals(TypedRequestArgumentBinder.class)) {
                        types.add(((Class<?>) parameterized.getActualTypeArguments()[0]).getSimpleName());
                    }
                }
            }
        }
        return types;
    }

    static List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        map(DOCUMENT.get("paths")).forEach((path, item) -> map(item).forEach((method, body) -> {
            if (METHODS.contains(method)) {
                operations.add(new Operation(method, path, map(body)));
            }
        }));
        return operations;
    }

    static Operation operation(String method, String path) {
        return operations().stream().filter(o -> o.key().equals(method + " " + path)).findFirst()
                .orElseThrow(() -> new AssertionError("not documented: " + method + " " + path));
    }

    private static List<Map<String, Object>> parameters(Operation operation) {
        return list(operation.body().getOrDefault("parameters", List.of()));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static <T> List<T> list(Object value) {
        return value == null ? List.of() : (List<T>) value;
    }
}
