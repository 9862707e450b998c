package com.salesos.admin.aot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
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
                    Files.writeString(entry, appended(Files.readString(entry, StandardCharsets.UTF_8),
                            Files.readAllLines(file, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
                } else {
                    Files.copy(file, entry, StandardCopyOption.REPLACE_EXISTING);
                }
                copied++;
            }
        }
        return copied;
    }

    /** The listing as it was, then each new line it lacks, one per line. */
    private static String appended(String listing, List<String> added) {
        StringBuilder result = new StringBuilder(listing);
        if (!listing.isEmpty() && !listing.endsWith("\n")) {
            result.append('\n');
        }
        Set<String> present = new HashSet<>(listing.lines().map(String::strip).toList());
        for (String line : added) {
            if (!line.isBlank() && present.add(line.strip())) {
                result.append(line.strip()).append('\n');
            }
        }
        return result.toString();
    }

    /** Whether the jar has a directory for {@code packageName}. */
    static boolean contains(Path jar, String packageName) throws IOException {
        try (FileSystem zip = FileSystems.newFileSystem(jar)) {
            return Files.isDirectory(zip.getPath("/" + packageName.replace('.', '/')));
        }
    }
}
