package com.salesos.admin.aot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarAdditionsTest {

    @TempDir
    Path temp;

    @Test
    void adds_new_files_and_appends_to_a_service_listing_the_jar_has_keeping_it_and_repeating_no_line() throws IOException {
        // As the shade's concatenation may leave it: a comment twice, a blank line, no newline at the end.
        Path jar = jar("META-INF/services/io.example.Service", "# shaded\nio.example.Shaded\n\n# shaded\nio.example.Both",
                "io/example/Shaded.class", "shaded");
        Path generated = temp.resolve("classes");
        write(generated.resolve("META-INF/services/io.example.Service"), "io.example.Both \nio.example.Generated\n");
        write(generated.resolve("META-INF/services/io.example.Other"), "io.example.Generated\n");
        write(generated.resolve("io/example/Generated.class"), "generated");

        int copied = JarAdditions.copy(generated, jar);

        assertThat(copied).isEqualTo(3);
        try (FileSystem zip = FileSystems.newFileSystem(jar)) {
            assertThat(Files.readString(zip.getPath("/META-INF/services/io.example.Service")))
                    .isEqualTo("# shaded\nio.example.Shaded\n\n# shaded\nio.example.Both\nio.example.Generated\n");
            assertThat(Files.readAllLines(zip.getPath("/META-INF/services/io.example.Other"))).containsExactly("io.example.Generated");
            assertThat(Files.readString(zip.getPath("/io/example/Generated.class"))).isEqualTo("generated");
            assertThat(Files.readString(zip.getPath("/io/example/Shaded.class"))).isEqualTo("shaded");
        }
    }

    @Test
    void tells_whether_a_jar_has_a_package() throws IOException {
        Path jar = jar("META-INF/services/io.example.Service", "io.example.Shaded\n", "io/example/Shaded.class", "shaded");

        assertThat(JarAdditions.contains(jar, "io.example")).isTrue();
        assertThat(JarAdditions.contains(jar, OptimizeFunctionJar.GENERATED_PACKAGE)).isFalse();
    }

    private Path jar(String... namesAndContents) throws IOException {
        Path jar = temp.resolve("function-lambda.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                out.putNextEntry(new JarEntry(namesAndContents[i]));
                out.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
    }
}
