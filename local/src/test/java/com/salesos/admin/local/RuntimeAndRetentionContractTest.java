package com.salesos.admin.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.emulator.SamTemplate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Choices in template.yaml that neither moto nor cfn-lint's default checks judge: the JIT each
 * function runs with, how {@code sam build} treats the jars, the names Lambda accepts for
 * environment variables, and what happens to queues and log groups on deletion or replacement.
 * docs/deploy.md explains each choice.
 */
class RuntimeAndRetentionContractTest {

    static final SamTemplate TEMPLATE = SamTemplate.ofRepository();
    static final String WORKER = "ExportWorkerFunction";
    /** The worker's options: the java21 runtime stops at tier 1 unless these name tiered compilation. */
    static final String WORKER_JVM_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=4";

    @Test
    void the_http_functions_run_the_runtimes_default_jit_and_the_worker_asks_for_c2() {
        for (SamTemplate.Function function : TEMPLATE.functions()) {
            Object options = function.environment().get("JAVA_TOOL_OPTIONS");
            if (function.logicalId().equals(WORKER)) {
                assertThat(options).as("%s JAVA_TOOL_OPTIONS", WORKER).isEqualTo(WORKER_JVM_OPTIONS);
            } else {
                // Tier 1 and the serial collector are what the java21 runtime already sets:
                // restating them only hides which function deliberately differs.
                assertThat(options).as("%s sets JAVA_TOOL_OPTIONS, but the runtime's default (tier 1) is the choice "
                        + "for short HTTP handlers", function.logicalId()).isNull();
            }
        }
    }

    @Test
    void the_workers_options_mean_c2_to_the_jvm() throws IOException, InterruptedException {
        // Only the JVM's own reading of the flags is checked here; whether the Lambda runtime
        // honours them is logged by the worker at start (docs/deploy.md).
        ProcessBuilder java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+PrintFlagsFinal", "-version").redirectErrorStream(true);
        java.environment().put("JAVA_TOOL_OPTIONS", WORKER_JVM_OPTIONS);
        Process process = java.start();
        String flags = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();

        assertThat(flag(flags, "TieredStopAtLevel")).isEqualTo("4");
        assertThat(flag(flags, "TieredCompilation")).isEqualTo("true");
    }

    @Test
    void every_function_ships_the_jar_maven_builds_and_sam_build_leaves_it_alone() {
        for (SamTemplate.Function function : TEMPLATE.functions()) {
            Map<String, Object> resource = TEMPLATE.resources().get(function.logicalId());
            assertThat(function.codeUri()).as("%s CodeUri", function.logicalId()).endsWith("-lambda.jar");
            // SAM CLI's SkipBuild metadata: without it sam build tries to build a jar file as a
            // source directory and fails.
            assertThat(resource.get("Metadata")).as("%s Metadata", function.logicalId())
                    .isEqualTo(Map.of("SkipBuild", true));
        }
    }

    @Test
    void every_environment_variable_name_is_one_lambda_accepts() {
        // Lambda API reference, Environment.Variables keys: [a-zA-Z]([a-zA-Z0-9_])+ ; so for
        // example _JAVA_OPTIONS is refused at deploy time.
        Pattern lambdaKey = Pattern.compile("[a-zA-Z]([a-zA-Z0-9_])+");
        TEMPLATE.functions().forEach(function -> function.environment().keySet().forEach(name ->
                assertThat(lambdaKey.matcher(name).matches()).as("%s variable %s", function.logicalId(), name).isTrue()));
    }

    @Test
    void queues_and_log_groups_say_what_happens_to_them_on_deletion_and_replacement() {
        Set<String> types = Set.of("AWS::SQS::Queue", "AWS::Logs::LogGroup", "AWS::DynamoDB::Table", "AWS::S3::Bucket",
                "AWS::Cognito::UserPool", "AWS::KMS::Key");
        TEMPLATE.resources().forEach((id, resource) -> {
            if (types.contains(resource.get("Type"))) {
                assertThat(resource).as("%s (%s)", id, resource.get("Type")).containsKeys("DeletionPolicy", "UpdateReplacePolicy");
                assertThat(List.of("Delete", "Retain", "Snapshot")).contains(String.valueOf(resource.get("DeletionPolicy")));
            }
        });
        // What is kept when the stack goes: the data and the evidence of failed jobs.
        assertThat(TEMPLATE.resources().get("ExportDeadLetterQueue")).containsEntry("DeletionPolicy", "Retain");
        assertThat(TEMPLATE.resources().get("AdminTable")).containsEntry("DeletionPolicy", "Retain");
    }

    private static String flag(String printFlagsFinal, String name) {
        return printFlagsFinal.lines().map(String::trim).filter(l -> l.matches("\\S+\\s+" + name + "\\s+=.*"))
                .map(l -> l.split("=")[1].trim().split("\\s+")[0]).findFirst().orElseThrow();
    }
}
