package com.salesos.admin.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.LocalAwsExtension;
import com.salesos.admin.emulator.SamTemplate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What bin/local writes for {@code sam local invoke --env-vars}: SAM sets only variables the
 * template declares, so each function's entry must name exactly those, resolved, and the endpoint
 * must exist only in the emulator stage.
 */
@ExtendWith(LocalAwsExtension.class)
class SamLocalEnvironmentTest {

    @Test
    void each_function_gets_exactly_its_declared_variables_resolved_and_the_endpoint_as_a_container_sees_it(LocalAws aws) {

        Map<String, Map<String, String>> env = SamLocalEnvironment.of(aws.stack());

        assertThat(env.keySet()).containsExactlyInAnyOrderElementsOf(
                aws.stack().template().functions().stream().map(SamTemplate.Function::logicalId).toList());
        aws.stack().template().functions().forEach(function -> {
            Map<String, String> variables = env.get(function.logicalId());
            assertThat(variables.keySet()).as(function.logicalId()).isEqualTo(function.environment().keySet());
            assertThat(variables.values()).as(function.logicalId()).allMatch(v -> v != null && !v.isBlank());
            assertThat(variables.get("TABLE_NAME")).isEqualTo(aws.tableName());
            assertThat(variables.get("AWS_ENDPOINT_URL"))
                    .isEqualTo("http://host.docker.internal:" + aws.stack().endpoint().getPort());
        });
    }

    @Test
    void samconfig_points_sam_local_invoke_at_this_file_in_the_emulator_stage() throws java.io.IOException {
        String samconfig = java.nio.file.Files.readString(
                com.salesos.admin.emulator.RepositoryRoot.locate().resolve("samconfig.toml"));
        String localInvoke = samconfig.substring(samconfig.indexOf("[default.local_invoke.parameters]"));
        localInvoke = localInvoke.substring(0, localInvoke.indexOf("\n[") > 0 ? localInvoke.indexOf("\n[") : localInvoke.length());

        assertThat(localInvoke).contains("env_vars = \".salesos-local/env.json\"", "Stage=\\\"local\\\"",
                "region = \"" + LocalAws.REGION + "\"");
    }

    @Test
    void no_deployed_stage_declares_an_endpoint_override() {
        for (String stage : new String[] {"dev", "prod"}) {
            SamTemplate deployed = SamTemplate.ofRepository().withParameters(Map.of("Stage", stage));
            deployed.functions().forEach(function -> assertThat(function.environment())
                    .as("%s in %s", function.logicalId(), stage).doesNotContainKey("AWS_ENDPOINT_URL"));
        }
    }
}
