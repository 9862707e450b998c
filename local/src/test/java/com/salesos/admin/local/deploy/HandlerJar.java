package com.salesos.admin.local.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * A function's shaded jar as the Lambda Java runtime sees it: only the jar on the classpath (the
 * runtime adds nothing of ours), the handler class loaded from it by name. What Lambda requires
 * (https://docs.aws.amazon.com/lambda/latest/dg/java-handler.html): a public concrete class with a
 * public no-argument constructor implementing RequestHandler or RequestStreamHandler, or a named
 * public method for {@code Class::method}.
 */
public final class HandlerJar implements AutoCloseable {

    private static final String REQUEST_HANDLER = "com.amazonaws.services.lambda.runtime.RequestHandler";
    private static final String STREAM_HANDLER = "com.amazonaws.services.lambda.runtime.RequestStreamHandler";

    private final Path jar;
    private final URLClassLoader loader;

    public HandlerJar(Path jar) {
        this.jar = jar;
        try {
            this.loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is wrong with this Handler string for this jar, or empty if Lambda can call it. */
    public Optional<String> problemWith(String handler) {
        String className = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.of("class " + className + " is not in " + jar.getFileName() + " (" + e + ")");
        }
        if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers()) || type.isInterface()) {
            return Optional.of(className + " must be a public concrete class");
        }
        try {
            type.getConstructor();
        } catch (NoSuchMethodException | LinkageError e) {
            return Optional.of(className + " has no public no-argument constructor, which Lambda uses to build it");
        }
        if (handler.contains("::")) {
            String method = handler.substring(handler.indexOf("::") + 2);
            boolean found = java.util.Arrays.stream(type.getMethods()).anyMatch(m -> m.getName().equals(method));
            return found ? Optional.empty() : Optional.of(className + " has no public method " + method);
        }
        if (!implementsNamed(type, REQUEST_HANDLER) && !implementsNamed(type, STREAM_HANDLER)) {
            return Optional.of(className + " implements neither RequestHandler nor RequestStreamHandler");
        }
        return Optional.empty();
    }

    /** The event type the handler takes ({@code I} of {@code RequestHandler<I, O>}), by class name. */
    public Optional<String> inputType(String handler) {
        return handlerTypeArgument(handler, 0);
    }

    /** The type the handler returns ({@code O} of {@code RequestHandler<I, O>}), by class name. */
    public Optional<String> outputType(String handler) {
        return handlerTypeArgument(handler, 1);
    }

    /** The highest class file major version among our own classes in the jar (61 is Java 17). */
    public int highestClassVersionOf(String packagePrefix) {
        String prefix = packagePrefix.replace('.', '/');
        int highest = 0;
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (entry.getName().startsWith(prefix) && entry.getName().endsWith(".class")) {
                    try (InputStream in = file.getInputStream(entry)) {
                        byte[] header = in.readNBytes(8);
                        highest = Math.max(highest, ((header[6] & 0xff) << 8) | (header[7] & 0xff));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return highest;
    }

    private Optional<String> handlerTypeArgument(String handler, int index) {
        try {
            Class<?> type = Class.forName(handler.split("::")[0], false, loader);
            return Optional.ofNullable(resolve(type, new HashMap<>(), index)).map(HandlerJar::rawName);
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** Walks the class hierarchy to RequestHandler, binding type variables on the way. */
    private static Type resolve(Class<?> type, Map<TypeVariable<?>, Type> bindings, int index) {
        if (type == null) {
            return null;
        }
        java.util.List<Type> supertypes = new java.util.ArrayList<>(java.util.List.of(type.getGenericInterfaces()));
        if (type.getGenericSuperclass() != null) {
            supertypes.add(type.getGenericSuperclass());
        }
        for (Type supertype : supertypes) {
            Class<?> raw = supertype instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) supertype;
            Map<TypeVariable<?>, Type> next = new HashMap<>(bindings);
            if (supertype instanceof ParameterizedType p) {
                TypeVariable<?>[] variables = raw.getTypeParameters();
                for (int i = 0; i < variables.length; i++) {
                    Type argument = p.getActualTypeArguments()[i];
                    next.put(variables[i], argument instanceof TypeVariable<?> v && bindings.containsKey(v) ? bindings.get(v) : argument);
                }
                if (raw.getName().equals(REQUEST_HANDLER)) {
                    return next.get(variables[index]);
                }
            }
            Type found = resolve(raw, next, index);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String rawName(Type type) {
        if (type instanceof ParameterizedType p) {
            return ((Class<?>) p.getRawType()).getName();
        }
        return type instanceof Class<?> c ? c.getName() : type.getTypeName();
    }

    private static boolean implementsNamed(Class<?> type, String interfaceName) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (i.getName().equals(interfaceName) || implementsNamed(i, interfaceName)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public void close() {
        try {
            loader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
