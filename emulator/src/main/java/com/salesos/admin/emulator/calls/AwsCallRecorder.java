package com.salesos.admin.emulator.calls;

import java.util.LinkedHashMap;
import java.util.Map;
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
 * surefire configuration sets it to each module's target/aws-calls.jsonl; see {@link RecordingFile}),
 * and only calls made while a function runs ({@link Caller}); the test's own calls are left out.
 */
public final class AwsCallRecorder implements ExecutionInterceptor {

    public static final String FILE_PROPERTY = "salesos.aws-calls";

    private static final RecordingFile FILE = new RecordingFile(FILE_PROPERTY);

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        Caller caller = Caller.current();
        if (!FILE.enabled() || caller == null) {
            return;
        }
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        DeployedNames names = DeployedNames.current()
                .orElseThrow(() -> new IllegalStateException("A function called AWS before the emulator provisioned a stack"));
        String test = RecordingFile.testClass();
        for (IamRequests.Access access : IamRequests.of(service, context.request(), names)) {
            Map<String, String> line = new LinkedHashMap<>();
            line.put("function", caller.function());
            line.put("principal", caller.principal().name());
            line.put("operation", service + "." + IamRequests.operation(context.request()));
            line.put("action", access.action());
            line.put("resource", access.resource());
            line.put("test", test);
            FILE.write(line);
        }
    }
}
