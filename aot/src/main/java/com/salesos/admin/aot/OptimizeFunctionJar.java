package com.salesos.admin.aot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Adds Micronaut AOT's build-time optimisations to one function's shaded Lambda jar, in place (run
 * by each function's package phase, after the shade; root pom, antrun execution "aot").
 *
 * <p>The optimizer analyses the jar as it ships ({@link IsolatedOptimizer}) and writes classes that
 * replace work Micronaut would otherwise do at every cold start: the bean definitions, introspections
 * and converters listed in the jar become static lists, without the definitions whose conditions fail
 * on the jar (see {@link LeftOut}), and the optional types the jar lacks are known missing. Those
 * classes, and the service listings that make Micronaut load them, are added to the jar
 * ({@link JarAdditions}). The settings are {@code optimizations.properties}.
 *
 * <p>Arguments: the jar, then a working directory (emptied first; the generated sources and the
 * optimizer's logs stay there).
 */
public final class OptimizeFunctionJar {

    /** Where the generated classes go in every jar; one jar holds one function. */
    static final String GENERATED_PACKAGE = "com.salesos.admin.aot.generated";

    private OptimizeFunctionJar() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: OptimizeFunctionJar <lambda jar> <work directory>");
        }
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path work = Path.of(args[1]).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(jar + " is not a file: the shade must run first");
        }
        if (JarAdditions.contains(jar, GENERATED_PACKAGE)) {
            // An optimised jar would be analysed with its earlier static lists in force.
            throw new IllegalArgumentException(jar + " is already optimised: shade it again first");
        }
        deleteTree(work);
        IsolatedOptimizer.run(jar, settings(), GENERATED_PACKAGE, work);
        // Read before the jar changes: a failed report must leave the shaded jar as it was.
        LeftOut leftOut = LeftOut.read(work.resolve("logs"));
        int added = JarAdditions.copy(work.resolve("classes"), jar);
        System.out.println("AOT " + jar.getFileName() + ": " + added + " entries added; " + leftOut.classes().size()
                + " service implementations left out at build time " + leftOut.classes());
    }

    private static Properties settings() throws IOException {
        Properties settings = new Properties();
        try (InputStream in = OptimizeFunctionJar.class.getResourceAsStream("/optimizations.properties")) {
            settings.load(in);
        }
        return settings;
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
