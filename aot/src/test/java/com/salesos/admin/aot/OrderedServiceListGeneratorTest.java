package com.salesos.admin.aot;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.javapoet.JavaFile;
import com.squareup.javapoet.ParameterizedTypeName;
import com.squareup.javapoet.TypeSpec;
import io.micronaut.core.io.service.ServiceDefinition;
import io.micronaut.core.io.service.SoftServiceLoader;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The list class OrderedServiceListGenerator writes, compiled and run: it offers the listed
 * implementations the caller's predicate accepts, in the list's order (in a parallel stream, as the
 * JIT generator's lookup), and loads them all ahead in the background, with no lambda per listed
 * class. (Public, as are its greetings: the generated
 * class, in a package of its own, names them.)
 */
public class OrderedServiceListGeneratorTest {

    /** A service type and three implementations, loaded through a loader that records what it loads. */
    public interface Greeting {
        String text();
    }

    public static final class Hello implements Greeting {
        public String text() {
            return "hello";
        }
    }

    public static final class Bonjour implements Greeting {
        public String text() {
            return "bonjour";
        }
    }

    public static final class Hola implements Greeting {
        public String text() {
            return "hola";
        }
    }

    @TempDir
    Path temp;

    @Test
    void offers_the_accepted_implementations_in_list_order() throws Exception {
        SoftServiceLoader.StaticServiceLoader<Greeting> list = compiled(Stream.of(Hola.class, Hello.class, Bonjour.class));

        List<ServiceDefinition<Greeting>> found = list.findAll(name -> !name.endsWith("Hola")).map(d -> (ServiceDefinition<Greeting>) d).toList();

        assertThat(found).extracting(ServiceDefinition::getName)
                .containsExactly(Bonjour.class.getName(), Hello.class.getName());
        assertThat(found).extracting(d -> d.load().text()).containsExactly("bonjour", "hello");
    }

    @Test
    void loads_every_listed_class_ahead_from_its_initialiser() throws Exception {
        Set<String> loaded = ConcurrentHashMap.newKeySet();
        compiled(Stream.of(Hola.class, Hello.class, Bonjour.class), loaded);

        // Nobody has asked for the list: the classes are loaded by the background task alone.
        List<String> listed = List.of(Hola.class.getName(), Hello.class.getName(), Bonjour.class.getName());
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!loaded.containsAll(listed) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(loaded).containsAll(listed);
    }

    @Test
    void spins_as_many_lambdas_for_a_long_list_as_for_a_short_one() throws Exception {
        String three = source(Stream.of(Hola.class, Hello.class, Bonjour.class));
        String thirty = source(Stream.generate(() -> Hello.class).limit(30).map(c -> (Class<?>) c));

        // The JIT generator's list submits "() -> loadClass(cl, name)" once per listed class.
        assertThat(arrows(thirty)).isEqualTo(arrows(three)).isEqualTo(2);
        assertThat(thirty).contains(".parallel()");
    }

    private static int arrows(String source) {
        return source.split("->", -1).length - 1;
    }

    private String source(Stream<Class<?>> implementations) {
        TypeSpec.Builder factory = TypeSpec.classBuilder("GreetingFactory").addModifiers(Modifier.PUBLIC)
                .addSuperinterface(ParameterizedTypeName.get(SoftServiceLoader.StaticServiceLoader.class, Greeting.class));
        new OrderedServiceListGenerator().generateFindAllMethod(implementations, Greeting.class.getName(), Greeting.class, factory);
        return JavaFile.builder("generated", factory.build()).build().toString();
    }

    /** The list class, compiled, in a loader above the test's own. */
    @SuppressWarnings("unchecked")
    private SoftServiceLoader.StaticServiceLoader<Greeting> compiled(Stream<Class<?>> implementations) throws Exception {
        ClassLoader loader = new URLClassLoader(new URL[] {compile(implementations).toUri().toURL()}, getClass().getClassLoader());
        return (SoftServiceLoader.StaticServiceLoader<Greeting>) loader.loadClass("generated.GreetingFactory")
                .getDeclaredConstructor().newInstance();
    }

    /**
     * The list class, compiled, in a loader that defines the test's greetings itself (so the
     * generated code's {@code Greeting.class.getClassLoader()} is that loader) and records each
     * implementation it loads.
     */
    private void compiled(Stream<Class<?>> implementations, Set<String> loaded) throws Exception {
        Path classes = compile(implementations);
        new RecordingLoader(new URL[] {classes.toUri().toURL(), Path.of(locationOf(Greeting.class)).toUri().toURL()}, loaded)
                .loadClass("generated.GreetingFactory").getDeclaredConstructor().newInstance();
    }

    private Path compile(Stream<Class<?>> implementations) throws IOException {
        Path sources = Files.createDirectories(temp.resolve("src/generated"));
        Files.writeString(sources.resolve("GreetingFactory.java"), source(implementations));
        Path classes = Files.createDirectories(temp.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String classpath = String.join(java.io.File.pathSeparator, locationOf(SoftServiceLoader.class), locationOf(Greeting.class));
        int status = javac.run(null, null, null, "-d", classes.toString(), "-classpath", classpath,
                sources.resolve("GreetingFactory.java").toString());
        assertThat(status).as("javac exit status").isZero();
        return classes;
    }

    private static String locationOf(Class<?> type) throws IOException {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
    }

    /** Defines the test's greetings and the generated class itself; everything else comes from the test's loader. */
    private static final class RecordingLoader extends URLClassLoader {

        private final Set<String> loaded;

        RecordingLoader(URL[] urls, Set<String> loaded) {
            super(urls, OrderedServiceListGeneratorTest.class.getClassLoader());
            this.loaded = loaded;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(OrderedServiceListGeneratorTest.class.getName()) && !name.startsWith("generated.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> type = findLoadedClass(name);
                if (type == null) {
                    type = findClass(name);
                    if (!name.startsWith("generated.") && !name.endsWith("$Greeting")) {
                        loaded.add(name);
                    }
                }
                return type;
            }
        }
    }
}
