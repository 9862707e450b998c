package com.salesos.admin.aot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;

/** Files added to a jar in place. */
final class JarAdditions {

    private static final String SERVICES = "/META-INF/services/";

    private JarAdditions() {
    }

    /**
     * Copies every file under {@code directory} into the jar at the same relative path. A service
     * listing the jar already has keeps its lines and gets the new ones after them (Micronaut and
     * the shaded libraries list services the optimizer's listings must not replace). Returns how
     * many files were copied.
     */
    static int copy(Path directory, Path jar) throws IOException {
        int copied = 0;
        try (FileSystem zip = FileSystems.newFileSystem(jar); Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                Path entry = zip.getPath("/" + directory.relativize(file).toString().replace('\\', '/'));
                Files.createDirectories(entry.getParent());
                if (entry.toString().startsWith(SERVICES) && Files.exists(entry)) {
                    Set<String> lines = new LinkedHashSet<>(Files.readAllLines(entry, StandardCharsets.UTF_8));
                    lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
                    Files.write(entry, lines, StandardCharsets.UTF_8);
                } else {
                    Files.copy(file, entry, StandardCopyOption.REPLACE_EXISTING);
                }
                copied++;
            }
        }
        return copied;
    }

    /** Whether the jar has a directory for {@code packageName}. */
    static boolean contains(Path jar, String packageName) throws IOException {
        try (FileSystem zip = FileSystems.newFileSystem(jar)) {
            return Files.isDirectory(zip.getPath("/" + packageName.replace('.', '/')));
        }
    }
}
