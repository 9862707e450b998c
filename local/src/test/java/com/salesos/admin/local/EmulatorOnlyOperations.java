package com.salesos.admin.local;

import com.salesos.admin.emulator.RepositoryRoot;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The SDK operations the cut SDK modules keep for the emulator and the tests only (table, pool and
 * queue creation, scans, receiving messages...), as each {@code slim/<module>/keep.pro} lists them
 * under "called only by the emulator and the tests": they ship in the Lambda jars, since the
 * emulator uses the same cut classes, so {@link LayeringTest} holds that nothing that ships calls
 * one.
 */
final class EmulatorOnlyOperations {

    private static final String SECTION = "# called only by the emulator and the tests";
    private static final Pattern INTERFACE = Pattern.compile("^-keep interface (\\S+) \\{");
    private static final Pattern METHOD = Pattern.compile("^\\s*\\*\\*\\* (\\w+)\\(\\.\\.\\.\\);");

    private EmulatorOnlyOperations() {
    }

    /** Client interface to the names of its operations kept for the emulator and the tests. */
    static Map<String, Set<String>> fromKeepFiles(Path root) {
        Map<String, Set<String>> operations = new HashMap<>();
        try (Stream<Path> modules = Files.list(root.resolve("slim"))) {
            for (Path keep : modules.map(m -> m.resolve("keep.pro")).filter(Files::exists).toList()) {
                String client = null;
                boolean inSection = false;
                for (String line : Files.readAllLines(keep)) {
                    Matcher declared = INTERFACE.matcher(line);
                    if (declared.find()) {
                        client = declared.group(1);
                        inSection = false;
                    } else if (line.strip().startsWith("}")) {
                        client = null;
                    } else if (client != null && line.strip().startsWith(SECTION)) {
                        inSection = true;
                    } else if (client != null && line.strip().startsWith("#")) {
                        inSection = false;
                    } else if (client != null && inSection) {
                        Matcher method = METHOD.matcher(line);
                        if (method.find()) {
                            operations.computeIfAbsent(client, c -> new TreeSet<>()).add(method.group(1));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return operations;
    }

    /** A call to one of them, on the client interface (as our code makes every SDK call). */
    static DescribedPredicate<JavaMethodCall> calls(Map<String, Set<String>> operations) {
        return DescribedPredicate.describe("an SDK operation kept for the emulator and the tests only " + operations,
                call -> operations.getOrDefault(call.getTargetOwner().getFullName(), Set.of()).contains(call.getName()));
    }

    static Map<String, Set<String>> ofRepository() {
        return fromKeepFiles(RepositoryRoot.locate());
    }
}
