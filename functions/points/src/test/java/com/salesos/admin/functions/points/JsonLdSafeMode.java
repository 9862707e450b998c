package com.salesos.admin.functions.points;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code src/test/js/expand-safe.js} with Node: JSON-LD expansion in safe mode against the
 * published VC 2.0 and Open Badges 3.0 contexts (npm packages pinned by package-lock.json, installed
 * with {@code npm ci} into target/ on first use). Without node and npm the test fails and says so: it
 * must never pass by not running.
 */
final class JsonLdSafeMode {

    private static final Path SOURCES = Path.of("src", "test", "js");
    private static final Path WORK = Path.of("target", "jsonld-check");

    /** What the script said, and whether every document expanded. */
    record Result(boolean allExpanded, String output) {
    }

    private JsonLdSafeMode() {
    }

    static synchronized Result expand(List<String> documents) {
        try {
            install();
            List<String> command = new ArrayList<>(List.of("node", "expand-safe.js"));
            for (int i = 0; i < documents.size(); i++) {
                Path file = WORK.resolve("document-" + i + ".json");
                Files.writeString(file, documents.get(i), StandardCharsets.UTF_8);
                command.add(file.getFileName().toString());
            }
            Run run = run(command);
            return new Result(run.exit() == 0, run.output());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void install() throws IOException {
        Files.createDirectories(WORK);
        boolean lockChanged = !Files.exists(WORK.resolve("package-lock.json"))
                || Files.mismatch(SOURCES.resolve("package-lock.json"), WORK.resolve("package-lock.json")) != -1;
        for (String file : List.of("package.json", "package-lock.json", "expand-safe.js")) {
            Files.copy(SOURCES.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (lockChanged || !Files.isDirectory(WORK.resolve("node_modules"))) {
            // npm ci installs exactly the locked versions; scripts off: the packages are data and code only.
            Run npm = run(List.of("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"));
            if (npm.exit() != 0) {
                throw new AssertionError("npm ci failed in " + WORK.toAbsolutePath() + ":\n" + npm.output());
            }
        }
    }

    private record Run(int exit, String output) {
    }

    private static Run run(List<String> command) throws IOException {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(WORK.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("The Open Badges JSON-LD check needs Node.js 18+ with npm on the PATH (could not run '"
                    + command.get(0) + "'): " + e.getMessage(), e);
        }
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in 5 minutes:\n" + output);
            }
            return new Run(process.exitValue(), output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
