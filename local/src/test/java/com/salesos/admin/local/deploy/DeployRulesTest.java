package com.salesos.admin.local.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.salesos.admin.emulator.RepositoryRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * template.yaml meets every rule of {@link DeployRule}, and each rule catches a mistake planted in
 * a copy of it, with a message naming the resource and the fix. Reads the shaded jars, which mvn
 * package builds before this module's tests.
 */
class DeployRulesTest {

    static final String TEMPLATE = read();

    @Test
    void the_template_meets_every_rule_lambda_and_the_scheduler_apply_on_deploy() {
        try (DeployRules rules = DeployRules.ofRepository()) {
            assertThat(rules.check()).as("deploy rule findings").isEmpty();
        }
    }

    @Test
    void a_handler_class_that_is_not_in_the_functions_jar_names_the_function_and_the_fix() {
        List<Finding> findings = plant(
                lines("      CodeUri: functions/invites/target/salesos-function-invites-0.1.0-SNAPSHOT-lambda.jar",
                        "      Handler: com.salesos.admin.lambda.AdminHttpFunction"),
                lines("      CodeUri: functions/invites/target/salesos-function-invites-0.1.0-SNAPSHOT-lambda.jar",
                        "      Handler: com.salesos.admin.functions.plandowngrades.PlanDowngradesHandler"));
        assertThat(findings).anySatisfy(f -> {
            assertThat(f.rule()).startsWith("HANDLER_IN_JAR");
            assertThat(f.resource()).isEqualTo("InvitesFunction");
            assertThat(f.problem()).contains("PlanDowngradesHandler is not in salesos-function-invites-0.1.0-SNAPSHOT-lambda.jar");
            assertThat(f.fix()).contains("set Handler of InvitesFunction");
        });
    }

    @Test
    void a_handler_that_takes_another_event_than_its_source_delivers_is_refused() {
        // An HTTP function given a queue: its handler takes API Gateway events, the queue delivers SQS ones.
        List<Finding> findings = plant(lines(
                        "        CreateInvitation:",
                        "          Type: HttpApi",
                        "          Properties:",
                        "            ApiId: !Ref AdminApi",
                        "            Path: /v1/invitations",
                        "            Method: POST"),
                lines(
                        "        CreateInvitation:",
                        "          Type: SQS",
                        "          Properties:",
                        "            Queue: !GetAtt InvitationQueue.Arn"));
        assertThat(findings).anySatisfy(f -> {
            assertThat(f.rule()).startsWith("HANDLER_TAKES_ITS_EVENTS");
            assertThat(f.resource()).isEqualTo("InvitesFunction");
            assertThat(f.problem()).contains("delivers SQSEvent");
        });
    }

    @Test
    void a_code_uri_other_than_the_packaged_jar_is_refused() {
        List<Finding> findings = plant("salesos-function-users-0.1.0-SNAPSHOT-lambda.jar", "salesos-function-users-0.1.0-SNAPSHOT.jar");
        assertThat(findings).anySatisfy(f -> {
            assertThat(f.rule()).startsWith("CODE_URI_IS_THE_PACKAGED_JAR");
            assertThat(f.resource()).isEqualTo("UsersFunction");
            assertThat(f.fix()).contains("functions/users/target/salesos-function-users-0.1.0-SNAPSHOT-lambda.jar");
        });
    }

    @Test
    void a_queue_that_hides_messages_for_less_than_the_function_runs_is_refused() {
        List<Finding> findings = plant(
                lines("      VisibilityTimeout: 5400", "      MessageRetentionPeriod: 345600"),
                lines("      VisibilityTimeout: 300", "      MessageRetentionPeriod: 345600"));
        // The plant hits the first queue with these settings (the export or the deletion queue):
        // whichever it is, the finding names its function, the queue and the value to set.
        assertThat(findings).anySatisfy(f -> {
            assertThat(f.rule()).startsWith("SQS_VISIBILITY_AT_LEAST_TIMEOUT");
            String queue = f.resource().substring(f.resource().indexOf("<- ") + 3);
            assertThat(f.resource()).matches("\\w+Function <- \\w+Queue");
            assertThat(f.fix()).isEqualTo("set VisibilityTimeout: 5400 on " + queue);
        });
    }

    @Test
    void batch_sizes_concurrency_and_partial_failures_are_held_to_lambdas_limits() {
        List<Finding> findings = plant(
                lines("            Queue: !GetAtt ExportQueue.Arn", "            BatchSize: 1", "            FunctionResponseTypes:",
                        "              - ReportBatchItemFailures"),
                lines("            Queue: !GetAtt ExportQueue.Arn", "            BatchSize: 11"));
        assertThat(findings).extracting(f -> f.rule().split(" ")[0]).contains("SQS_BATCHING_WITHIN_LIMITS", "SQS_REPORTS_ITEM_FAILURES");
        assertThat(findings).allSatisfy(f -> assertThat(f.resource()).isEqualTo("ExportWorkerFunction <- ExportQueue"));

        List<Finding> reserved = plant(
                lines("      Timeout: 900", "      MemorySize: 1024"),
                lines("      Timeout: 900", "      MemorySize: 1024", "      ReservedConcurrentExecutions: 10"));
        assertThat(reserved).anySatisfy(f -> {
            assertThat(f.rule()).startsWith("SQS_CONCURRENCY_BY_MAXIMUM_CONCURRENCY");
            assertThat(f.fix()).contains("remove ReservedConcurrentExecutions from ExportWorkerFunction");
        });
    }

    @Test
    void runtimes_limits_and_snapstart_without_a_published_version_are_refused() {
        assertThat(plant("Runtime: java21", "Runtime: java11")).extracting(f -> f.rule().split(" ")[0])
                .contains("RUNTIME_SUPPORTED");
        assertThat(plant("      Timeout: 120", "      Timeout: 901")).anySatisfy(f -> {
            assertThat(f.rule()).startsWith("TIMEOUT_AND_MEMORY_WITHIN_LIMITS");
            assertThat(f.resource()).isEqualTo("PlanDowngradesFunction");
        });
        assertThat(plant("    AutoPublishAlias: live\n", "")).anySatisfy(f -> {
            assertThat(f.rule()).startsWith("SNAPSTART_ON_PUBLISHED_VERSIONS");
            assertThat(f.fix()).contains("AutoPublishAlias");
        });
    }

    @Test
    void an_invalid_schedule_expression_is_refused() {
        assertThat(plant("rate(15 minutes)", "rate(1 minutes)")).anySatisfy(f -> {
            assertThat(f.rule()).startsWith("SCHEDULE_EXPRESSION_VALID");
            assertThat(f.problem()).contains("singular");
        });
        assertThat(ScheduleExpressions.problemWith("cron(0 3 * * ? *)")).isEmpty();
        assertThat(ScheduleExpressions.problemWith("cron(0 3 * * * *)")).isPresent();
        assertThat(ScheduleExpressions.problemWith("cron(0 24 ? * MON-FRI *)")).isPresent();
        assertThat(ScheduleExpressions.problemWith("rate(5 minutes)")).isEmpty();
        assertThat(ScheduleExpressions.problemWith("at(2027-01-01T00:00:00)")).isEmpty();
        assertThat(ScheduleExpressions.problemWith("every 15 minutes")).isPresent();
    }

    @Test
    void a_schedule_whose_role_may_not_invoke_its_target_is_refused() {
        TransformedTemplate transformed = TransformedTemplate.ofRepository();
        TransformedTemplate broken = new TransformedTemplate(transformed.root().deepCopy());
        ObjectNode statement = (ObjectNode) broken.resource("PlanDowngradesFunctionEvery15MinutesRole").path("Properties")
                .path("Policies").get(0).path("PolicyDocument").path("Statement").get(0);
        statement.put("Resource", "arn:aws:lambda:us-east-1:123456789012:function:SomethingElse");
        ArrayNode trusted = (ArrayNode) broken.resource("PlanDowngradesFunctionEvery15MinutesRole").path("Properties")
                .path("AssumeRolePolicyDocument").path("Statement").get(0).path("Principal").path("Service");
        trusted.removeAll().add("lambda.amazonaws.com");
        try (DeployRules rules = new DeployRules(broken, RepositoryRoot.locate())) {
            assertThat(rules.check()).filteredOn(f -> f.rule().startsWith("SCHEDULE_ROLE_MAY_INVOKE"))
                    .extracting(Finding::problem).containsExactlyInAnyOrder(
                            "role PlanDowngradesFunctionEvery15MinutesRole does not trust scheduler.amazonaws.com",
                            "role PlanDowngradesFunctionEvery15MinutesRole does not allow lambda:InvokeFunction on"
                                    + " arn:aws:lambda:us-east-1:123456789012:function:PlanDowngradesFunction:live");
        }
    }

    /** The deploy rule findings for template.yaml with {@code original} replaced (once, and it must occur). */
    static List<Finding> plant(String original, String planted) {
        assertThat(TEMPLATE).as("the text to plant a mistake in").contains(original);
        try (DeployRules rules = new DeployRules(TransformedTemplate.ofText(TEMPLATE.replaceFirst(
                java.util.regex.Pattern.quote(original), java.util.regex.Matcher.quoteReplacement(planted))), RepositoryRoot.locate())) {
            return rules.check();
        }
    }

    /** YAML lines, each written with its full indentation. */
    static String lines(String... lines) {
        return String.join("\n", lines);
    }

    private static String read() {
        try {
            return Files.readString(RepositoryRoot.locate().resolve("template.yaml"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
