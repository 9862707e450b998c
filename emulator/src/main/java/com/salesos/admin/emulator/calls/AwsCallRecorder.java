package com.salesos.admin.emulator.calls;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Records every AWS call a function makes in the tests (and the IAM action and deployed resource
 * ARN it needs), so that the IAM contract test in {@code local} can hold each function's policy in
 * template.yaml to what its code really calls. An SDK global interceptor (this module's resource
 * software/amazon/awssdk/global/handlers/execution.interceptors), so no production wiring changes;
 * presigned URLs pass through it too, since they are signed with the function's role.
 * <p>
 * Records only when the system property {@value #FILE_PROPERTY} names a file (the root pom's
 * surefire configuration sets it to each module's target/aws-calls.jsonl), and only calls made
 * while a function runs ({@link Caller}); the test's own calls are left out. Each distinct line is
 * written once per JVM; the file is started afresh by the first call of the JVM (surefire runs one
 * JVM per module, one after another).
 */
public final class AwsCallRecorder implements ExecutionInterceptor {

    public static final String FILE_PROPERTY = "salesos.aws-calls";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> WRITTEN = ConcurrentHashMap.newKeySet();
    private static final Object FILE_LOCK = new Object();
    private static volatile boolean started;

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String file = System.getProperty(FILE_PROPERTY);
        Caller caller = Caller.current();
        if (file == null || caller == null) {
            return;
        }
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        DeployedNames names = DeployedNames.current()
                .orElseThrow(() -> new IllegalStateException("A function called AWS before the emulator provisioned a stack"));
        String test = testClass();
        for (IamRequests.Access access : IamRequests.of(service, context.request(), names)) {
            Map<String, String> line = new LinkedHashMap<>();
            line.put("function", caller.function());
            line.put("principal", caller.principal().name());
            line.put("operation", service + "." + IamRequests.operation(context.request()));
            line.put("action", access.action());
            line.put("resource", access.resource());
            line.put("test", test);
            write(Path.of(file), line);
        }
    }

    private static void write(Path file, Map<String, String> line) {
        try {
            String text = JSON.writeValueAsString(line);
            if (!WRITTEN.add(text)) {
                return;
            }
            synchronized (FILE_LOCK) {
                if (!started) {
                    Files.createDirectories(file.toAbsolutePath().getParent());
                    Files.deleteIfExists(file);
                    started = true;
                }
                Files.writeString(file, text + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The test class whose test made the call: the outermost frame of a class named *Test. */
    private static String testClass() {
        return StackWalker.getInstance().walk(frames -> frames.map(StackWalker.StackFrame::getClassName)
                .filter(name -> name.endsWith("Test")).reduce((inner, outer) -> outer)
                .map(name -> name.substring(name.lastIndexOf('.') + 1)).orElse("unknown"));
    }
}
