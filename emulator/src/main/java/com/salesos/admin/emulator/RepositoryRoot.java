package com.salesos.admin.emulator;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root (the folder holding template.yaml) from wherever a test or tool runs. */
public final class RepositoryRoot {

    private RepositoryRoot() {
    }

    public static Path locate() {
        String explicit = System.getProperty("salesos.root", System.getenv("SALESOS_ROOT"));
        if (explicit != null) {
            return Path.of(explicit).toAbsolutePath();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("template.yaml")) && Files.isDirectory(dir.resolve("emulator"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("Cannot find the repository root (template.yaml) above " + Path.of("").toAbsolutePath());
    }
}
