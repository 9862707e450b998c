package com.salesos.admin.aot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptimizeFunctionJarTest {

    @TempDir
    Path temp;

    @Test
    void refuses_a_jar_it_already_optimised_and_leaves_it_as_it_was() throws IOException {
        // Analysed again, the jar's earlier static lists would be in force during the analysis.
        Path jar = temp.resolve("function-lambda.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(OptimizeFunctionJar.GENERATED_PACKAGE.replace('.', '/') + "/StaticServicesLoader.class"));
            out.write(new byte[] {1, 2, 3});
            out.closeEntry();
        }
        byte[] before = Files.readAllBytes(jar);

        assertThatThrownBy(() -> OptimizeFunctionJar.main(new String[] {jar.toString(), temp.resolve("work").toString()}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already optimised");
        assertThat(Files.readAllBytes(jar)).isEqualTo(before);
        assertThat(temp.resolve("work")).doesNotExist();
    }

    @Test
    void refuses_a_jar_that_is_not_there() {
        assertThatThrownBy(() -> OptimizeFunctionJar.main(new String[] {temp.resolve("missing.jar").toString(),
                temp.resolve("work").toString()})).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shade must run first");
    }
}
