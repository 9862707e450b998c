package com.salesos.admin.emulator.calls;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A JSON-lines file a module's tests record into for a contract test in {@code local} to read,
 * named by a system property the root pom's surefire configuration sets (none set: nothing is
 * recorded). Each distinct line is written once per JVM; the file is started afresh by the first
 * line of the JVM (surefire runs one JVM per module, one after another).
 */
final class RecordingFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String property;
    private final Set<String> written = ConcurrentHashMap.newKeySet();
    private boolean started;

    RecordingFile(String property) {
        this.property = property;
    }

    /** Whether this run records at all. */
    boolean enabled() {
        return System.getProperty(property) != null;
    }

    void write(Map<String, ?> line) {
        String file = System.getProperty(property);
        if (file == null) {
            return;
        }
        try {
            String text = JSON.writeValueAsString(line);
            if (!written.add(text)) {
                return;
            }
            synchronized (this) {
                Path path = Path.of(file);
                if (!started) {
                    Files.createDirectories(path.toAbsolutePath().getParent());
                    Files.deleteIfExists(path);
                    started = true;
                }
                Files.writeString(path, text + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The test class whose test is running: the outermost frame of a class named *Test. */
    static String testClass() {
        return StackWalker.getInstance().walk(frames -> frames.map(StackWalker.StackFrame::getClassName)
                .filter(name -> name.endsWith("Test")).reduce((inner, outer) -> outer)
                .map(name -> name.substring(name.lastIndexOf('.') + 1)).orElse("unknown"));
    }
}
