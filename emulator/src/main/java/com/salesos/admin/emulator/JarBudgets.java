package com.salesos.admin.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The size budget of every function's Lambda jar. Every module under {@code functions/} is a
 * function, found by listing the folder (a new function is checked without being named anywhere).
 * Its budget is the {@code lambda.jar.budget.mib} property of its pom, or the root pom's (the
 * target, {@link #TARGET_MIB}); a function whose pom sets a larger one says why beside it.
 * Sizes are in MiB (1,048,576 bytes), as {@code bin/bench} prints them.
 */
public final class JarBudgets {

    /** The target every function should meet (issue 14): 15 MiB. */
    public static final double TARGET_MIB = 15.0;
    static final String PROPERTY = "lambda.jar.budget.mib";
    private static final Pattern BUDGET = Pattern.compile("<" + Pattern.quote(PROPERTY) + ">\\s*([0-9.]+)\\s*</");
    private static final Pattern ARTIFACT = Pattern.compile("</parent>.*?<artifactId>\\s*([^<\\s]+)\\s*</artifactId>", Pattern.DOTALL);
    private static final Pattern VERSION = Pattern.compile("<artifactId>salesos-admin</artifactId>\\s*<version>\\s*([^<\\s]+)\\s*</version>");

    private JarBudgets() {
    }

    /** One function's jar and its budget; {@code bytes} is empty when the jar is not built. */
    public record Jar(String function, Path path, Optional<Long> bytes, double budgetMib) {

        public double mib() {
            return bytes.orElse(0L) / 1024.0 / 1024.0;
        }

        public boolean withinBudget() {
            return bytes.isPresent() && mib() <= budgetMib;
        }

        public boolean meetsTarget() {
            return bytes.isPresent() && mib() <= TARGET_MIB;
        }

        /** What is wrong, if anything: a missing jar or one over its budget. */
        public Optional<String> problem() {
            if (bytes.isEmpty()) {
                return Optional.of(function + ": " + path + " is missing (mvn package builds it)");
            }
            if (!withinBudget()) {
                return Optional.of(String.format(Locale.ROOT,
                        "%s: %s is %.2f MiB, over its budget of %.1f MiB (%s in %s); ship only what it calls, or raise the budget and say why",
                        function, path.getFileName(), mib(), budgetMib, PROPERTY, "functions/" + function + "/pom.xml"));
            }
            return Optional.empty();
        }
    }

    /** Every function's jar under {@code root}, in folder order. */
    public static List<Jar> of(Path root) {
        String rootPom = read(root.resolve("pom.xml"));
        double defaultBudget = budget(rootPom).orElseThrow(() -> new IllegalStateException(
                "the root pom sets no " + PROPERTY));
        List<Jar> jars = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root.resolve("functions"))) {
            for (Path module : modules.filter(m -> Files.isRegularFile(m.resolve("pom.xml"))).sorted().toList()) {
                String pom = read(module.resolve("pom.xml"));
                jars.add(jar(module, pom, version(rootPom), budget(pom).orElse(defaultBudget)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jars;
    }

    static Jar jar(Path module, String pom, String version, double budgetMib) {
        Matcher artifact = ARTIFACT.matcher(pom);
        if (!artifact.find()) {
            throw new IllegalStateException(module + "/pom.xml names no artifactId after its parent");
        }
        Path path = module.resolve("target").resolve(artifact.group(1) + "-" + version + "-lambda.jar");
        Optional<Long> bytes = Optional.empty();
        if (Files.isRegularFile(path)) {
            try {
                bytes = Optional.of(Files.size(path));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Jar(module.getFileName().toString(), path, bytes, budgetMib);
    }

    static Optional<Double> budget(String pom) {
        Matcher m = BUDGET.matcher(pom);
        return m.find() ? Optional.of(Double.parseDouble(m.group(1))) : Optional.empty();
    }

    private static String version(String rootPom) {
        Matcher m = VERSION.matcher(rootPom);
        if (!m.find()) {
            throw new IllegalStateException("the root pom's version is not found");
        }
        return m.group(1);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
