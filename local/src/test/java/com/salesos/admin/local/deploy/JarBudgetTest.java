package com.salesos.admin.local.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.emulator.JarBudgets;
import com.salesos.admin.emulator.RepositoryRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every function's Lambda jar stays within its budget (docs/benchmarks.md, "Jar budgets"). Runs in
 * local, which builds after every function module, so {@code mvn verify} checks the jars it packaged.
 */
class JarBudgetTest {

    @Test
    void every_function_under_functions_has_a_packaged_jar_within_its_budget() {
        List<JarBudgets.Jar> jars = JarBudgets.of(RepositoryRoot.locate());
        assertThat(jars).as("functions found under functions/").hasSizeGreaterThanOrEqualTo(9);
        assertThat(jars.stream().flatMap(j -> j.problem().stream()).toList()).as("jar budget findings").isEmpty();
    }

    @Test
    void a_new_function_without_a_budget_of_its_own_gets_the_target(@TempDir Path root) throws IOException {
        Path repo = RepositoryRoot.locate();
        Files.copy(repo.resolve("pom.xml"), root.resolve("pom.xml"));
        Path module = Files.createDirectories(root.resolve("functions/newcomer/target"));
        Files.writeString(module.getParent().resolve("pom.xml"),
                "<project><parent><artifactId>salesos-admin</artifactId></parent><artifactId>salesos-function-newcomer</artifactId></project>");
        Path jar = module.resolve("salesos-function-newcomer-0.1.0-SNAPSHOT-lambda.jar");
        Files.write(jar, new byte[(int) (JarBudgets.TARGET_MIB * 1024 * 1024) + 1]);

        List<JarBudgets.Jar> jars = JarBudgets.of(root);

        assertThat(jars).singleElement().satisfies(j -> {
            assertThat(j.budgetMib()).isEqualTo(JarBudgets.TARGET_MIB);
            assertThat(j.problem()).hasValueSatisfying(p -> assertThat(p)
                    .contains("newcomer", "over its budget of 15.0 MiB", "functions/newcomer/pom.xml"));
        });
        Files.write(jar, new byte[1024]);
        assertThat(JarBudgets.of(root).get(0).problem()).isEqualTo(Optional.empty());
    }

    @Test
    void a_function_that_is_not_packaged_is_a_finding(@TempDir Path root) throws IOException {
        Files.copy(RepositoryRoot.locate().resolve("pom.xml"), root.resolve("pom.xml"));
        Files.createDirectories(root.resolve("functions/unbuilt"));
        Files.writeString(root.resolve("functions/unbuilt/pom.xml"),
                "<project><parent><artifactId>salesos-admin</artifactId></parent><artifactId>salesos-function-unbuilt</artifactId>"
                        + "<properties><lambda.jar.budget.mib>20</lambda.jar.budget.mib></properties></project>");

        assertThat(JarBudgets.of(root)).singleElement().satisfies(j -> {
            assertThat(j.budgetMib()).isEqualTo(20.0);
            assertThat(j.problem()).hasValueSatisfying(p -> assertThat(p).contains("is missing"));
        });
    }
}
