package com.salesos.admin.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.emulator.SamTemplate;
import com.salesos.admin.functions.exportworker.ExportWorkerSettings;
import com.salesos.admin.functions.invitationsender.InvitationSenderSettings;
import com.salesos.admin.web.CrmRoute;
import com.salesos.admin.web.SupportRoute;
import com.salesos.admin.web.PublicRoute;
import com.salesos.admin.web.RequiresPermission;
import com.salesos.admin.web.SignedIn;
import io.micronaut.context.ApplicationContext;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * template.yaml is the deployable truth: every controller route must be declared there with the
 * right authorizer, every declared route must exist in code and every handler class must exist.
 * (Each function's environment is held to its settings record by EnvironmentContractTest.)
 */
class TemplateContractTest {

    static SamTemplate template = SamTemplate.ofRepository();
    static ApplicationContext context;

    @BeforeAll
    static void startContext() {
        // Only the router is needed; settings are placeholders (the template's literal values, else
        // "unused") so that every function's settings record reads and no AWS client is built.
        template.functions().forEach(function -> function.environment().forEach((name, value) ->
                System.setProperty(name, System.getProperty(name, value instanceof String literal ? literal : "unused"))));
        context = ApplicationContext.builder().environments("contract-test")
                .properties(Map.of("micronaut.server.port", -1)).start();
    }

    @AfterAll
    static void stopContext() {
        context.close();
    }

    @Test
    void every_controller_route_is_in_the_template_and_every_template_route_has_a_controller() {
        Set<String> inCode = codeRoutes().stream().map(r -> shape(r.getHttpMethodName(), r.getUriMatchTemplate().toPathString()))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> inTemplate = template.routes().stream().map(SamTemplate.Route::shape)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(inCode).isEqualTo(inTemplate);
    }

    @Test
    void public_routes_are_exactly_the_routes_without_authorizer_and_every_other_route_names_a_permission() {
        Set<String> publicInTemplate = template.routes().stream().filter(r -> !r.authorized()).map(SamTemplate.Route::shape)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> publicInCode = new TreeSet<>();
        for (UriRouteInfo<?, ?> route : codeRoutes()) {
            String shape = shape(route.getHttpMethodName(), route.getUriMatchTemplate().toPathString());
            boolean isPublic = route.getAnnotationMetadata().hasAnnotation(PublicRoute.class);
            boolean hasPermission = route.getAnnotationMetadata().hasAnnotation(RequiresPermission.class);
            boolean signedIn = route.getAnnotationMetadata().hasAnnotation(SignedIn.class);
            boolean crm = route.getAnnotationMetadata().hasAnnotation(CrmRoute.class);
            boolean support = route.getAnnotationMetadata().hasAnnotation(SupportRoute.class);
            assertThat((isPublic ? 1 : 0) + (hasPermission ? 1 : 0) + (signedIn ? 1 : 0) + (crm ? 1 : 0) + (support ? 1 : 0))
                    .as("%s declares exactly one of @PublicRoute / @SignedIn / @RequiresPermission / @CrmRoute / @SupportRoute",
                            shape).isEqualTo(1);
            if (isPublic) {
                publicInCode.add(shape);
            }
        }
        assertThat(publicInCode).isEqualTo(publicInTemplate);
    }

    static final Map<String, String> PERMISSIONS = RouteAccess.BY_ROUTE;

    @Test
    void every_route_of_every_function_needs_exactly_the_permission_the_table_says() {
        Map<String, String> declared = new java.util.TreeMap<>();
        for (UriRouteInfo<?, ?> route : codeRoutes()) {
            var metadata = route.getAnnotationMetadata();
            String requirement = metadata.hasAnnotation(PublicRoute.class) ? "public"
                    : metadata.hasAnnotation(SignedIn.class) ? "signed-in"
                    : metadata.hasAnnotation(CrmRoute.class) ? "crm"
                    : metadata.hasAnnotation(SupportRoute.class) ? "support"
                    : metadata.enumValue(RequiresPermission.class, com.salesos.admin.access.Permission.class)
                            .map(com.salesos.admin.access.Permission::code).orElse("undeclared");
            declared.put(shape(route.getHttpMethodName(), route.getUriMatchTemplate().toPathString()), requirement);
        }
        assertThat(declared).isEqualTo(new java.util.TreeMap<>(PERMISSIONS));
    }

    @Test
    void every_handler_named_in_the_template_exists() {
        assertThat(template.functions()).isNotEmpty();
        for (SamTemplate.Function function : template.functions()) {
            assertThat(classExists(function.handler())).as("handler of %s: %s", function.logicalId(), function.handler()).isTrue();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_invitation_sender_reads_both_its_queues_and_no_email_returns_while_it_may_still_be_sending() {
        assertThat(template.queueSources("InvitationSenderFunction")).extracting(SamTemplate.QueueSource::queueLogicalId)
                .containsExactlyInAnyOrder("InvitationQueue", "InvitationDeadLetterQueue");
        Map<String, Object> queue = (Map<String, Object>) template.resources().get("InvitationQueue").get("Properties");
        assertThat(((Number) queue.get("VisibilityTimeout")).intValue()).isGreaterThan(template.timeoutSeconds("InvitationSenderFunction"));
        Map<String, Object> redrive = (Map<String, Object>) queue.get("RedrivePolicy");
        assertThat(String.valueOf(((SamTemplate.Intrinsic) redrive.get("deadLetterTargetArn")).argument()))
                .isEqualTo("InvitationDeadLetterQueue.Arn");
        assertThat(String.valueOf(((SamTemplate.Intrinsic) environmentOf("InvitationSenderFunction")
                .get(InvitationSenderSettings.INVITATION_DEAD_LETTER_QUEUE_ARN)).argument())).isEqualTo("InvitationDeadLetterQueue.Arn");
        // The bulk route must finish inside API Gateway's 29 s; the reservation lease outlasts the function.
        assertThat(template.timeoutSeconds("InvitesFunction")).isLessThan(29);
        assertThat(com.salesos.admin.invites.BulkInvitationService.LEASE.toSeconds())
                .isGreaterThanOrEqualTo(2L * template.timeoutSeconds("InvitesFunction"));
    }

    @Test
    void events_holds_an_sqs_event_for_each_queue_the_invitation_sender_reads() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var root = com.salesos.admin.emulator.RepositoryRoot.locate().resolve("events");
        for (String file : java.util.List.of("invitation-sender-email.json", "invitation-sender-dead-letter.json")) {
            var record = json.readTree(root.resolve(file).toFile()).path("Records").get(0);
            assertThat(record.path("eventSource").asText()).isEqualTo("aws:sqs");
            assertThat(com.salesos.admin.aws.invites.InvitationEmailMessages.parse(record.path("body").asText())).as(file).isPresent();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_route_is_throttled_and_every_public_route_more_tightly_than_the_default() {
        Map<String, Object> api = (Map<String, Object>) template.resourcesOfType("AWS::Serverless::HttpApi").get("AdminApi");
        Map<String, Object> defaults = (Map<String, Object>) api.get("DefaultRouteSettings");
        Map<String, Map<String, Object>> perRoute = (Map<String, Map<String, Object>>) api.getOrDefault("RouteSettings", Map.of());
        double defaultRate = number(defaults, "ThrottlingRateLimit");
        double defaultBurst = number(defaults, "ThrottlingBurstLimit");
        assertThat(defaultRate).isPositive();
        assertThat(defaultBurst).isPositive();

        Set<String> routeKeys = template.routes().stream().map(r -> r.method() + " " + r.path()).collect(Collectors.toSet());
        // A key that names no route fails the deployment of the stage.
        assertThat(routeKeys).containsAll(perRoute.keySet());
        var publicRoutes = template.routes().stream().filter(r -> !r.authorized()).map(r -> r.method() + " " + r.path()).toList();
        assertThat(publicRoutes).isNotEmpty().allSatisfy(key -> {
            assertThat(perRoute).as("throttling of public route " + key).containsKey(key);
            assertThat(number(perRoute.get(key), "ThrottlingRateLimit")).as(key).isPositive().isLessThan(defaultRate);
            assertThat(number(perRoute.get(key), "ThrottlingBurstLimit")).as(key).isPositive().isLessThan(defaultBurst);
        });
    }

    private static double number(Map<String, Object> settings, String name) {
        return ((Number) settings.get(name)).doubleValue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void accounts_carry_the_immutable_invitation_mark_the_code_reads_and_the_invites_function_holds_exactly_its_cognito_actions() {
        Map<String, Object> pool = (Map<String, Object>) template.resourcesOfType("AWS::Cognito::UserPool").get("UserPool");
        var schema = (java.util.List<Map<String, Object>>) pool.get("Schema");
        assertThat(schema).anySatisfy(attribute -> {
            assertThat("custom:" + attribute.get("Name")).isEqualTo(com.salesos.admin.aws.invites.CognitoAccountDirectory.INVITATION_ATTRIBUTE);
            assertThat(attribute.get("Mutable")).isEqualTo(false);
        });
        assertThat(((Map<String, Object>) pool.get("AdminCreateUserConfig")).get("AllowAdminCreateUserOnly")).isEqualTo(true);

        Map<String, Object> invites = (Map<String, Object>) template.resources().get("InvitesFunction").get("Properties");
        var statements = ((java.util.List<Map<String, Object>>) invites.get("Policies")).stream()
                .flatMap(p -> ((java.util.List<Map<String, Object>>) p.get("Statement")).stream()).toList();
        var actions = statements.stream().flatMap(st -> st.get("Action") instanceof java.util.List<?> list
                ? list.stream().map(String::valueOf) : java.util.stream.Stream.of(String.valueOf(st.get("Action")))).toList();
        // Create, set the chosen password, read the mark, and delete a refused or leftover account;
        // nothing else (a leftover is replaced by a fresh account, never signed out and reused).
        assertThat(actions.stream().filter(a -> a.startsWith("cognito-idp:")).toList()).containsExactlyInAnyOrder(
                "cognito-idp:AdminCreateUser", "cognito-idp:AdminGetUser", "cognito-idp:AdminSetUserPassword",
                "cognito-idp:AdminDeleteUser");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_export_worker_reads_both_queues_reports_item_failures_and_no_message_returns_while_it_may_still_run() {
        var resources = template.resources();
        Map<String, Object> worker = (Map<String, Object>) resources.get("ExportWorkerFunction").get("Properties");
        Map<String, Map<String, Object>> events = (Map<String, Map<String, Object>>) worker.get("Events");
        var sqsEvents = events.values().stream().filter(e -> "SQS".equals(e.get("Type")))
                .map(e -> (Map<String, Object>) e.get("Properties")).toList();
        assertThat(sqsEvents).hasSize(2);
        sqsEvents.forEach(e -> assertThat((java.util.List<String>) e.get("FunctionResponseTypes")).contains("ReportBatchItemFailures"));
        assertThat(template.queueSources("ExportWorkerFunction")).extracting(SamTemplate.QueueSource::queueLogicalId)
                .containsExactlyInAnyOrder("ExportQueue", "ExportDeadLetterQueue");

        Map<String, Object> queue = (Map<String, Object>) resources.get("ExportQueue").get("Properties");
        assertThat(((Number) queue.get("VisibilityTimeout")).intValue()).isGreaterThan(template.timeoutSeconds("ExportWorkerFunction"));
        Map<String, Object> redrive = (Map<String, Object>) queue.get("RedrivePolicy");
        assertThat(((Number) redrive.get("maxReceiveCount")).intValue()).isBetween(2, 10);
        assertThat(String.valueOf(((SamTemplate.Intrinsic) redrive.get("deadLetterTargetArn")).argument())).isEqualTo("ExportDeadLetterQueue.Arn");
        assertThat(String.valueOf(((SamTemplate.Intrinsic) environmentOf("ExportWorkerFunction")
                .get(ExportWorkerSettings.EXPORT_DEAD_LETTER_QUEUE_ARN)).argument()))
                .isEqualTo("ExportDeadLetterQueue.Arn");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_export_bucket_is_private_encrypted_tls_only_and_forgets_files_after_seven_days() {
        Map<String, Object> bucket = (Map<String, Object>) template.resources().get("ExportsBucket").get("Properties");
        assertThat((Map<String, Object>) bucket.get("PublicAccessBlockConfiguration")).containsEntry("BlockPublicAcls", true)
                .containsEntry("BlockPublicPolicy", true).containsEntry("IgnorePublicAcls", true).containsEntry("RestrictPublicBuckets", true);
        assertThat(bucket).containsKey("BucketEncryption");
        var rules = (java.util.List<Map<String, Object>>) ((Map<String, Object>) bucket.get("LifecycleConfiguration")).get("Rules");
        assertThat(rules).anySatisfy(rule -> assertThat(rule).containsEntry("ExpirationInDays",
                (int) com.salesos.admin.exports.ExportWorker.RETENTION.toDays()));
        Map<String, Object> policy = (Map<String, Object>) template.resources().get("ExportsBucketPolicy").get("Properties");
        assertThat(policy.toString()).contains("aws:SecureTransport").contains("Deny");
    }

    @Test
    void deployed_app_clients_offer_no_password_sign_in_and_only_the_emulator_stage_does() {
        for (String stage : java.util.List.of("prod", "dev")) {
            assertThat(authFlows(template.withParameters(Map.of("Stage", stage)))).as("stage %s", stage)
                    .contains("ALLOW_USER_SRP_AUTH").doesNotContain("ALLOW_USER_PASSWORD_AUTH");
        }
        assertThat(authFlows(template.withParameters(com.salesos.admin.emulator.StackProvisioner.EMULATOR_PARAMETERS)))
                .contains("ALLOW_USER_PASSWORD_AUTH");
    }

    @Test
    @SuppressWarnings("unchecked")
    void people_cannot_rewrite_their_own_sign_in_email() {
        Map<String, Object> client = (Map<String, Object>) template.resources().get("UserPoolClient").get("Properties");
        assertThat((java.util.List<String>) client.get("WriteAttributes")).isNotEmpty().doesNotContain("email");
    }

    @SuppressWarnings("unchecked")
    private static java.util.List<String> authFlows(SamTemplate deployed) {
        Map<String, Object> client = (Map<String, Object>) deployed.resources().get("UserPoolClient").get("Properties");
        return (java.util.List<String>) deployed.evaluate(client.get("ExplicitAuthFlows"));
    }

    @Test
    void every_deployed_stage_signs_credentials_with_its_real_https_url_never_the_localhost_default() throws Exception {
        // Credentials are signed once and kept: the issuer URL in them can never be corrected later.
        String samconfig = java.nio.file.Files.readString(com.salesos.admin.emulator.RepositoryRoot.locate().resolve("samconfig.toml"));
        int deploySections = 0;
        for (String section : samconfig.split("(?m)^(?=\\[)")) {
            if (section.startsWith("[") && section.contains(".deploy.parameters]")) {
                deploySections++;
                assertThat(section).as(section.lines().findFirst().orElse(""))
                        .containsPattern("parameter_overrides = \".*PublicBaseUrl=\\\\\"https://[^\\\\]+\\\\\"");
            }
        }
        assertThat(deploySections).isEqualTo(2);
        String text = java.nio.file.Files.readString(com.salesos.admin.emulator.RepositoryRoot.locate().resolve("template.yaml"));
        assertThat(text).contains("PublicUrlIsReal:", "RuleCondition: !Not [!Equals [!Ref Stage, local]]",
                "Assert: !Not [!Equals [!Ref PublicBaseUrl, \"" + template.parameterDefaults().get("PublicBaseUrl") + "\"]]");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_crm_group_the_code_checks_is_declared_in_the_template() {
        Map<String, Object> group = (Map<String, Object>) template.resources().get("CrmGroup").get("Properties");
        assertThat(template.resources().get("CrmGroup").get("Type")).isEqualTo("AWS::Cognito::UserPoolGroup");
        assertThat(group.get("GroupName")).isEqualTo(com.salesos.admin.access.CrmAccess.GROUP);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_support_group_the_code_checks_is_declared_in_the_template() {
        Map<String, Object> group = (Map<String, Object>) template.resources().get("SupportGroup").get("Properties");
        assertThat(template.resources().get("SupportGroup").get("Type")).isEqualTo("AWS::Cognito::UserPoolGroup");
        assertThat(group.get("GroupName")).isEqualTo(com.salesos.admin.access.SupportAccess.GROUP);
    }

    @Test
    void the_points_function_may_delete_items_because_deleting_a_badge_deletes_its_item() {
        assertThat(tableActionsOf("PointsFunction")).contains("dynamodb:DeleteItem", "dynamodb:PutItem",
                "dynamodb:UpdateItem", "dynamodb:GetItem", "dynamodb:Query");
    }

    @SuppressWarnings("unchecked")
    private static java.util.List<String> tableActionsOf(String functionLogicalId) {
        Map<String, Object> properties = (Map<String, Object>) template.resources().get(functionLogicalId).get("Properties");
        var policies = (java.util.List<Map<String, Object>>) properties.get("Policies");
        return policies.stream().flatMap(p -> ((java.util.List<Map<String, Object>>) p.get("Statement")).stream())
                .filter(statement -> "AdminTableItems".equals(statement.get("Sid")))
                .flatMap(statement -> ((java.util.List<String>) statement.get("Action")).stream()).toList();
    }

    @Test
    void events_holds_an_sqs_event_for_each_queue_the_worker_reads() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var root = com.salesos.admin.emulator.RepositoryRoot.locate().resolve("events");
        for (String file : java.util.List.of("export-worker-wake-up.json", "export-worker-dead-letter.json")) {
            var record = json.readTree(root.resolve(file).toFile()).path("Records").get(0);
            assertThat(record.path("eventSource").asText()).isEqualTo("aws:sqs");
            assertThat(com.salesos.admin.aws.exports.ExportWakeUps.parse(record.path("body").asText())).as(file).isPresent();
        }
    }

    private static Map<String, Object> environmentOf(String functionLogicalId) {
        return template.functions().stream().filter(f -> f.logicalId().equals(functionLogicalId)).findFirst()
                .orElseThrow().environment();
    }

    @Test
    void events_holds_one_sample_event_for_every_route_of_the_template() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        Set<String> inEvents = new TreeSet<>();
        try (var files = java.nio.file.Files.list(com.salesos.admin.emulator.RepositoryRoot.locate().resolve("events"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                var event = json.readTree(file.toFile());
                if ("2.0".equals(event.path("version").asText())) {
                    String[] routeKey = event.path("routeKey").asText().split(" ", 2);
                    assertThat(inEvents.add(shape(routeKey[0], routeKey[1]))).as("one event per route: %s", file).isTrue();
                    boolean hasClaims = !event.path("requestContext").path("authorizer").path("jwt").path("claims").isMissingNode();
                    boolean routeIsAuthorized = template.routes().stream()
                            .anyMatch(r -> r.shape().equals(shape(routeKey[0], routeKey[1])) && r.authorized());
                    assertThat(hasClaims).as("%s carries authorizer claims exactly when its route is authorized", file)
                            .isEqualTo(routeIsAuthorized);
                }
            }
        }
        assertThat(inEvents).isEqualTo(template.routes().stream().map(SamTemplate.Route::shape)
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    private static java.util.List<UriRouteInfo<?, ?>> codeRoutes() {
        // Micronaut answers HEAD for every GET by itself; API Gateway routes are declared per method.
        return context.getBean(Router.class).uriRoutes()
                .filter(r -> !r.getHttpMethodName().equals("HEAD"))
                .filter(r -> r.getUriMatchTemplate().toPathString().startsWith("/v1/")
                        || r.getUriMatchTemplate().toPathString().startsWith("/openbadges/"))
                .toList();
    }

    private static String shape(String method, String path) {
        return method + " " + path.replaceAll("\\{[^}]+}", "{}");
    }

    private static boolean classExists(String handler) {
        String className = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
        try {
            Class.forName(className, false, TemplateContractTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
