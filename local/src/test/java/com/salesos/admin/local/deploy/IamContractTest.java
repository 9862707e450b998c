package com.salesos.admin.local.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.emulator.RepositoryRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every function's role in the deployed stack against every AWS call its tests made (recorded by
 * the function modules' tests, which mvn verify runs before this module's): nothing it calls is
 * denied, nothing it is granted goes unused without a stated reason. Writes the function x action
 * matrix to target/iam-matrix.md (docs/deploy.md carries a copy).
 */
class IamContractTest {

    @Test
    void every_call_a_function_makes_is_allowed_and_every_action_its_policy_grants_is_exercised() throws IOException {
        TransformedTemplate template = TransformedTemplate.ofRepository();
        Path root = RepositoryRoot.locate();
        List<RecordedCall> calls = RecordedCalls.of(template, root);
        IamCheck check = new IamCheck(template, calls, Unexercisable.KNOWN);

        Files.writeString(root.resolve("local/target/iam-matrix.md"), check.matrix());
        assertThat(check.findings()).as("IAM findings (matrix in local/target/iam-matrix.md)").isEmpty();
    }
}
