package com.salesos.admin.aot;

import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Runs Micronaut's AOT optimizer on a jar, as micronaut-aot-cli does for Micronaut's Maven plugin
 * (that command line is not served here). The optimizer must analyse with the jar's own Micronaut,
 * not the one this tool was built against, so it runs in a class loader holding the jar and the
 * optimizer's four jars (and this module's generator), above the platform loader only.
 */
final class IsolatedOptimizer {

    /** One class of each jar the optimizer needs besides the application's own. */
    private static final List<String> OPTIMIZER_CLASSES = List.of(
            "io.micronaut.aot.MicronautAotOptimizer",
            "io.micronaut.aot.core.AOTModule",
            "io.micronaut.aot.std.sourcegen.KnownMissingTypesSourceGenerator",
            "com.squareup.javapoet.JavaFile",
            // This module, for OrderedServiceListGenerator and the listing that offers it.
            "com.salesos.admin.aot.OrderedServiceListGenerator");

    private IsolatedOptimizer() {
    }

    /**
     * Writes the generated sources, classes (with their service listings) and logs under
     * {@code output} ({@code sources/}, {@code classes/}, {@code logs/}).
     */
    static void run(Path jar, Properties settings, String generatedPackage, Path output) throws Exception {
        Properties run = new Properties();
        run.putAll(settings);
        run.put("classpath", jar.toString());
        run.put("package", generatedPackage);
        run.put("output.directory", output.toString());
        List<URL> classpath = new ArrayList<>();
        classpath.add(jar.toUri().toURL());
        for (String name : OPTIMIZER_CLASSES) {
            classpath.add(Class.forName(name, false, IsolatedOptimizer.class.getClassLoader())
                    .getProtectionDomain().getCodeSource().getLocation());
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader application = new URLClassLoader(classpath.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            // The optimizer finds its generators and the application's services through this loader.
            thread.setContextClassLoader(application);
            application.loadClass("io.micronaut.aot.MicronautAotOptimizer").getMethod("execute", Properties.class)
                    .invoke(null, run);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
