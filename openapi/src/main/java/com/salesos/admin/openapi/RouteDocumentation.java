package com.salesos.admin.openapi;

import com.salesos.admin.access.Permission;
import io.micronaut.core.annotation.AnnotationClassValue;
import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.core.annotation.AnnotationValueBuilder;
import io.micronaut.http.HttpStatus;
import io.micronaut.inject.ast.ClassElement;
import io.micronaut.inject.ast.MethodElement;
import io.micronaut.inject.ast.ParameterElement;
import io.micronaut.inject.visitor.TypeElementVisitor;
import io.micronaut.inject.visitor.VisitorContext;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import java.lang.annotation.RetentionPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Completes each HTTP function's OpenAPI document at compile time from what its controllers
 * already declare, before micronaut-openapi's own visitors read them (a higher order runs first):
 *
 * <ul>
 *   <li>security and the permission of each route, from the access annotation the
 *       {@code AccessFilter} enforces ({@code @RequiresPermission}, {@code @SignedIn},
 *       {@code @CrmRoute}, {@code @SupportRoute}, {@code @PublicRoute}); a route with none fails
 *       the compilation, as the filter would refuse every call to it;</li>
 *   <li>parameters the server supplies (the types edge's request argument binders produce, e.g.
 *       {@code Caller}) are hidden: a client never sends them;</li>
 *   <li>the problem answers every route of its shape can give (see {@link #problems}), plus any
 *       {@code @ApiResponse} the controller declares for its own refusals, all as
 *       {@code application/problem+json};</li>
 *   <li>a unique operation id and a tag naming the function.</li>
 * </ul>
 *
 * Everything added here is source-retained: it shapes the document and never reaches the
 * classes' runtime metadata.
 */
public final class RouteDocumentation implements TypeElementVisitor<Object, Object> {

    /** The security scheme's name in every document: API Gateway's JWT authorizer (Cognito access tokens). */
    public static final String SCHEME = "bearerJwt";
    /** Operation extension naming who may call a route: a permission code, or public, signed-in, crm, support. */
    public static final String PERMISSION_EXTENSION = "x-permission";
    public static final String PROBLEM_MEDIA_TYPE = "application/problem+json";

    private static final String WEB = "com.salesos.admin.web.";
    private static final String PUBLIC_ROUTE = WEB + "PublicRoute";
    private static final String SIGNED_IN = WEB + "SignedIn";
    private static final String CRM_ROUTE = WEB + "CrmRoute";
    private static final String SUPPORT_ROUTE = WEB + "SupportRoute";
    private static final String REQUIRES_PERMISSION = WEB + "RequiresPermission";
    private static final String ALLOWED_WHILE_DELETING = WEB + "AllowedWhileDeleting";
    private static final String PROBLEM = WEB + "Problem";
    private static final String BINDER = "io.micronaut.http.bind.binders.TypedRequestArgumentBinder";
    private static final String CONTROLLER = "io.micronaut.http.annotation.Controller";
    private static final String HTTP_METHOD = "io.micronaut.http.annotation.HttpMethodMapping";
    private static final String BODY = "io.micronaut.http.annotation.Body";
    private static final String QUERY_VALUE = "io.micronaut.http.annotation.QueryValue";
    private static final String PATH_VARIABLE = "io.micronaut.http.annotation.PathVariable";
    private static final String STATUS = "io.micronaut.http.annotation.Status";
    private static final String PROCESSING_MODULE = "micronaut.processing.module";
    private static final String FUNCTION_PREFIX = "salesos-function-";

    /** Types a request argument binder of the edge supplies; found once per compilation. */
    private Set<String> injectedTypes;

    @Override
    public Set<String> getSupportedAnnotationNames() {
        return Set.of(CONTROLLER);
    }

    @Override
    public int getOrder() {
        // micronaut-openapi's visitors run at 100 (application) and 50 (controllers); ours before both.
        return 1_000;
    }

    @Override
    public VisitorKind getVisitorKind() {
        return VisitorKind.ISOLATING;
    }

    @Override
    public void visitClass(ClassElement controller, VisitorContext context) {
        if (!controller.hasAnnotation(CONTROLLER)) {
            return;
        }
        String function = function(context);
        controller.annotate(source(OpenAPIDefinition.class)
                .member("info", source(Info.class)
                        .member("title", "SalesOS Admin API: " + function + " function")
                        .member("version", "v1")
                        .build())
                .build());
        controller.annotate(source(SecurityScheme.class)
                .member("name", SCHEME)
                .member("type", "HTTP") // enum members are their names at compile time
                .member("scheme", "bearer")
                .member("bearerFormat", "JWT")
                .member("description", "A Cognito access token of the user pool, checked by API Gateway's JWT "
                        + "authorizer (issuer, audience = the app client, expiry). Locally: bin/token prints one.")
                .build());
    }

    @Override
    public void visitMethod(MethodElement method, VisitorContext context) {
        if (!method.hasStereotype(HTTP_METHOD) || !method.getOwningType().hasAnnotation(CONTROLLER)) {
            return;
        }
        if (method.hasDeclaredAnnotation(Operation.class)) {
            context.fail("@Operation is generated from the route's annotations (RouteDocumentation); "
                    + "describe the route in its javadoc and its own answers with @ApiResponse", method);
            return;
        }
        Optional<String> access = access(method, context);
        if (access.isEmpty()) {
            context.fail("A route must declare who may call it: @PublicRoute, @SignedIn, @RequiresPermission, "
                    + "@CrmRoute or @SupportRoute (AccessFilter refuses a route without one)", method);
            return;
        }
        boolean hasBody = false;
        boolean hasQuery = false;
        boolean hasPathVariable = false;
        for (ParameterElement parameter : method.getParameters()) {
            if (injectedTypes(context).contains(parameter.getType().getName())) {
                parameter.annotate(source(Hidden.class).build());
            } else {
                hasBody |= parameter.hasAnnotation(BODY);
                hasQuery |= parameter.hasAnnotation(QUERY_VALUE);
                hasPathVariable |= parameter.hasAnnotation(PATH_VARIABLE);
            }
        }
        boolean writes = !method.getAnnotationNameByStereotype(HTTP_METHOD).orElse("").endsWith(".Get");
        // AccessFilter checks the workspace is writable for every write of a workspace's caller (a user or its CRM).
        boolean workspaceWrite = writes && !access.get().equals("public") && !access.get().equals("support")
                && !method.hasAnnotation(ALLOWED_WHILE_DELETING);
        Route route = new Route(access.get(), hasBody, hasQuery, hasPathVariable, workspaceWrite, writes);

        List<AnnotationValue<ApiResponse>> responses = new ArrayList<>();
        Map<String, String> declaredRefusals = new LinkedHashMap<>();
        boolean declaresSuccess = false;
        for (AnnotationValue<ApiResponse> declared : method.getDeclaredAnnotationValuesByType(ApiResponse.class)) {
            String code = declared.stringValue("responseCode").orElse("default");
            if (code.startsWith("2") || code.startsWith("3")) {
                declaresSuccess = true; // micronaut-openapi documents it as declared
            } else {
                declaredRefusals.put(code, declared.stringValue("description").orElse(""));
            }
        }
        if (!declaresSuccess) {
            // Filled by micronaut-openapi with the return type's schema (none for void).
            String code = method.enumValue(STATUS, HttpStatus.class).map(status -> String.valueOf(status.getCode())).orElse("200");
            responses.add(source(ApiResponse.class).member("responseCode", code)
                    .member("description", code.equals("204") ? "Done; no content" : "Success").build());
        }
        Map<String, String> refusals = problems(route);
        declaredRefusals.forEach((code, why) -> refusals.merge(code, why,
                (generic, own) -> own + "; or " + Character.toLowerCase(generic.charAt(0)) + generic.substring(1)));
        refusals.forEach((code, why) -> responses.add(code.equals("401") ? gatewayRefusal(why) : problem(code, why)));

        AnnotationValueBuilder<Operation> operation = source(Operation.class)
                .member("operationId", operationId(method))
                .member("tags", function(context))
                .member("description", description(route))
                .member("responses", responses.toArray(new AnnotationValue<?>[0]))
                .member("extensions", new AnnotationValue<?>[] {source(Extension.class)
                        .member("properties", new AnnotationValue<?>[] {source(ExtensionProperty.class)
                                .member("name", PERMISSION_EXTENSION).value(route.access()).build()})
                        .build()});
        if (!route.access().equals("public")) {
            operation.member("security", new AnnotationValue<?>[] {source(SecurityRequirement.class)
                    .member("name", SCHEME).member("scopes", scopes(route.access())).build()});
        }
        method.annotate(operation.build());
    }

    /** What the route's shape says about it, as read from its parameters and annotations. */
    record Route(String access, boolean body, boolean query, boolean pathVariable, boolean blockedWhileDeleting,
                 boolean writes) {
    }

    /**
     * The refusals the edge gives any route of this shape, with the code that gives them. Every one
     * is a problem document ({@code ProblemResponses}, {@code ProblemErrorResponseProcessor}).
     */
    static Map<String, String> problems(Route route) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (route.body()) {
            // StrictJson: unreadable or not JSON at all.
            problems.put("400", "The body is not readable JSON (malformed-body)");
        }
        if (!route.access().equals("public")) {
            // API Gateway's JWT authorizer, before any function runs.
            problems.put("401", "No valid access token: missing, malformed, wrongly signed, expired or for another "
                    + "app client");
            // AccessFilter, from the caller's current role in the store (or its Cognito group).
            problems.put("403", switch (route.access()) {
                case "signed-in" -> "The token is not an active user's of a workspace (deactivated, the CRM or support)";
                case "crm" -> "The token is not the CRM's machine identity of a workspace";
                case "support" -> "The token is not SalesOS support's";
                default -> "The caller's role lacks the permission " + route.access();
            });
        }
        if (route.pathVariable()) {
            // PathIdFilter (an id of impossible form) and the use cases (no such thing in the caller's workspace).
            problems.put("404", "Nothing with this id in the caller's workspace (another workspace's is not found either)");
        }
        if (route.blockedWhileDeleting()) {
            // ReadOnlyWhileDeleting, checked by AccessFilter for every workspace write.
            problems.put("409", "The workspace is read-only: its deletion was confirmed (workspace-being-deleted)");
        }
        if (route.body()) {
            // StrictJson's size limit.
            problems.put("413", "The body is larger than the route accepts (body-too-large)");
        }
        if (route.body() || route.query()) {
            // StrictJson, the use case's validation, or a query value of the wrong form; errors[] names each field.
            problems.put("422", "Invalid input; errors lists each field at fault (invalid-input)");
        }
        if (route.writes()) {
            // StoreBusy: contention the request's own retries did not get through; nothing was written.
            problems.put("503", "Busy, nothing was changed; repeat the request after Retry-After (store-busy)");
        }
        return problems;
    }

    private static Optional<String> access(MethodElement method, VisitorContext context) {
        List<String> found = new ArrayList<>();
        if (method.hasAnnotation(PUBLIC_ROUTE)) {
            found.add("public");
        }
        if (method.hasAnnotation(SIGNED_IN)) {
            found.add("signed-in");
        }
        if (method.hasAnnotation(CRM_ROUTE)) {
            found.add("crm");
        }
        if (method.hasAnnotation(SUPPORT_ROUTE)) {
            found.add("support");
        }
        method.stringValue(REQUIRES_PERMISSION).ifPresent(name -> found.add(Permission.valueOf(name).code()));
        if (found.size() > 1) {
            context.fail("A route declares exactly one access annotation, not " + found, method);
        }
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /**
     * OpenAPI 3.1 lets a non-OAuth requirement name the roles it needs: the permission, or the
     * Cognito group (crm, support); any active user needs none.
     */
    private static String[] scopes(String access) {
        return access.equals("signed-in") ? new String[0] : new String[] {access};
    }

    /** Who may call it; micronaut-openapi makes the method's javadoc the summary. */
    private static String description(Route route) {
        return switch (route.access()) {
            case "public" -> "Public: no token.";
            case "signed-in" -> "Any active user of a workspace.";
            case "crm" -> "Only the CRM's machine identity (Cognito group crm).";
            case "support" -> "Only SalesOS support (Cognito group support).";
            default -> "Needs the permission `" + route.access() + "`.";
        };
    }

    /** Unique across the API: the controller's name without "Controller", then the method's. */
    private static String operationId(MethodElement method) {
        String owner = method.getOwningType().getSimpleName().replaceFirst("Controller$", "");
        return Character.toLowerCase(owner.charAt(0)) + owner.substring(1)
                + Character.toUpperCase(method.getName().charAt(0)) + method.getName().substring(1);
    }

    private static String function(VisitorContext context) {
        String module = context.getOptions().getOrDefault(PROCESSING_MODULE, "");
        return module.startsWith(FUNCTION_PREFIX) ? module.substring(FUNCTION_PREFIX.length()) : module;
    }

    private static AnnotationValue<ApiResponse> problem(String code, String description) {
        return source(ApiResponse.class).member("responseCode", code).member("description", description)
                .member("content", new AnnotationValue<?>[] {source(Content.class)
                        .member("mediaType", PROBLEM_MEDIA_TYPE)
                        .member("schema", source(Schema.class)
                                .member("implementation", new AnnotationClassValue<>(PROBLEM)).build())
                        .build()})
                .build();
    }

    /** API Gateway answers these itself, with its own body ({"message":"Unauthorized"}), not a problem document. */
    private static AnnotationValue<ApiResponse> gatewayRefusal(String description) {
        return source(ApiResponse.class).member("responseCode", "401")
                .member("description", description + ". API Gateway answers with its own body "
                        + "{\"message\":\"Unauthorized\"}; the local stack's gateway emulation with a problem document.")
                .build();
    }

    /**
     * The types edge's request argument binders supply ({@code TypedRequestArgumentBinder<T>} beans
     * in the web package): the caller resolved by the access filter and its kin. Read from the
     * binders themselves so that a new one is hidden without a list to update.
     */
    private Set<String> injectedTypes(VisitorContext context) {
        if (injectedTypes == null) {
            Set<String> types = new TreeSet<>();
            for (ClassElement candidate : context.getClassElements(WEB.substring(0, WEB.length() - 1), "jakarta.inject.Singleton")) {
                if (candidate.isAssignable(BINDER)) {
                    Map<String, ClassElement> arguments = candidate.getTypeArguments(BINDER);
                    arguments.values().stream().findFirst().ifPresent(type -> types.add(type.getName()));
                }
            }
            if (types.isEmpty()) {
                // Without them Caller would show as a query parameter: refuse rather than document it wrong.
                context.fail("No TypedRequestArgumentBinder found in " + WEB + "*: which parameters are injected?", null);
            }
            injectedTypes = types;
        }
        return injectedTypes;
    }

    private static <T extends java.lang.annotation.Annotation> AnnotationValueBuilder<T> source(Class<T> type) {
        return AnnotationValue.builder(type.getName(), RetentionPolicy.SOURCE);
    }

}
