package com.salesos.admin.aot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service implementations (mostly bean definitions) the optimizer left out of its static lists,
 * read from its {@code serviceloading.log}. At run time Micronaut only checks what the lists name,
 * so one of these never comes back: its conditions were decided at build time, on the jar's classes
 * and the analysis' environments and properties (docs/benchmarks.md, "Micronaut AOT").
 */
record LeftOut(Set<String> classes) {

    /** The three ways the log says an implementation was left out: its conditions, a missing class, a disabled configuration. */
    private static final List<Pattern> LINES = List.of(
            Pattern.compile("^Skipping class (\\S+) because"),
            Pattern.compile("^Skipping service \\S+ implementation (\\S+) because"),
            Pattern.compile("^Disabling (\\S+) because"));

    /** Fails when the log is missing: with service loading on, the optimizer always writes it, so its absence means the report would be wrong. */
    static LeftOut read(Path logs) throws IOException {
        Path log = logs.resolve("serviceloading.log");
        if (!Files.exists(log)) {
            throw new IllegalStateException("No " + log + ": the optimizer's service loading did not run or logs elsewhere");
        }
        Set<String> classes = new TreeSet<>();
        for (String line : Files.readAllLines(log)) {
            for (Pattern pattern : LINES) {
                Matcher m = pattern.matcher(line);
                if (m.find()) {
                    classes.add(m.group(1));
                }
            }
        }
        return new LeftOut(Collections.unmodifiableSet(classes));
    }
}
