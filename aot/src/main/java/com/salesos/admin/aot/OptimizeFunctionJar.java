package com.salesos.admin.aot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Adds Micronaut AOT's build-time optimisations to one function's shaded Lambda jar, in place (run
 * by each function's package phase, after the shade; root pom, antrun execution "aot").
 *
 * <p>The optimizer analyses the jar as it ships: it starts an application context on the jar's own
 * classes, in the environments the handlers start with, and writes classes that replace what
 * Micronaut would otherwise work out at every cold start (which bean definitions exist and apply,
 * which optional types are absent). Those classes are compiled and added to the jar, with the
 * service listings that make Micronaut load them. The settings are {@code optimizations.properties}.
 *
 * <p>This is what micronaut-aot-cli does for Micronaut's Maven plugin: the optimizer must load the
 * application's Micronaut, not the one this tool was built against, so it runs in a class loader of
 * its own holding the jar and the optimizer's four jars, above the platform loader only.
 *
 * <p>Arguments: the jar, then a working directory (emptied; the generated sources and the
 * optimizer's logs stay there, {@code logs/serviceloading.log} saying what was left out and why).
 */
public final class OptimizeFunctionJar {

    /** Where the generated classes go in every jar; one jar holds one function. */
    static final String GENERATED_PACKAGE = "com.salesos.admin.aot.generated";

    /** One class of each jar the optimizer needs besides the application's own. */
    private static final List<String> OPTIMIZER_CLASSES = List.of(
            "io.micronaut.aot.MicronautAotOptimizer",
            "io.micronaut.aot.core.AOTModule",
            "io.micronaut.aot.std.sourcegen.KnownMissingTypesSourceGenerator",
            "com.squareup.javapoet.JavaFile");

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
        deleteTree(work);
        optimize(jar, work);
        int added = addToJar(work.resolve("classes"), jar);
        System.out.println("AOT " + jar.getFileName() + ": " + added + " entries added; "
                + skipped(work) + " service implementations left out (" + work.resolve("logs/serviceloading.log") + ")");
    }

    private static void optimize(Path jar, Path work) throws Exception {
        Properties settings = new Properties();
        try (InputStream in = OptimizeFunctionJar.class.getResourceAsStream("/optimizations.properties")) {
            settings.load(in);
        }
        settings.put("classpath", jar.toString());
        settings.put("package", GENERATED_PACKAGE);
        settings.put("output.directory", work.toString());
        settings.put("runtime", "jit");
        List<URL> classpath = new ArrayList<>();
        classpath.add(jar.toUri().toURL());
        for (String name : OPTIMIZER_CLASSES) {
            classpath.add(jarOf(name));
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader application = new URLClassLoader(classpath.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Thread.currentThread().setContextClassLoader(application);
            application.loadClass("io.micronaut.aot.MicronautAotOptimizer").getMethod("execute", Properties.class)
                    .invoke(null, settings);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private static URL jarOf(String className) throws ClassNotFoundException, MalformedURLException {
        return Class.forName(className, false, OptimizeFunctionJar.class.getClassLoader())
                .getProtectionDomain().getCodeSource().getLocation();
    }

    /**
     * Copies every generated file into the jar; a service listing the jar already has gets the new
     * lines appended, so a listing is never replaced. Returns how many entries were written.
     */
    static int addToJar(Path classes, Path jar) throws IOException {
        int written = 0;
        try (FileSystem zip = FileSystems.newFileSystem(jar); Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                Path entry = zip.getPath("/" + classes.relativize(file).toString().replace('\\', '/'));
                Files.createDirectories(entry.getParent());
                if (entry.toString().startsWith("/META-INF/services/") && Files.exists(entry)) {
                    Set<String> lines = new LinkedHashSet<>(Files.readAllLines(entry, StandardCharsets.UTF_8));
                    lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
                    Files.write(entry, lines, StandardCharsets.UTF_8);
                } else {
                    Files.copy(file, entry, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                written++;
            }
        }
        return written;
    }

    private static long skipped(Path work) throws IOException {
        Path log = work.resolve("logs/serviceloading.log");
        if (!Files.exists(log)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(l -> l.startsWith("Skipping class")).count();
        }
    }

    private static void deleteTree(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
