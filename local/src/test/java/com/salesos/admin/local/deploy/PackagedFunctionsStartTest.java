package com.salesos.admin.local.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.emulator.EmulatorClients;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.LocalAwsExtension;
import com.salesos.admin.emulator.RepositoryRoot;
import com.salesos.admin.emulator.SamTemplate;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every function's Lambda jar starts and handles an event on its own, as in Lambda: a fresh JVM
 * with the runtime's JIT flags, the jar as the whole classpath (plus {@link PackagedFunctionProbe}),
 * the template's environment pointing at the emulator. The other tests run each function on the
 * build's classpath, where the test dependencies (the emulator, the edge) add classes the jar may
 * lack; this one catches a jar that misses a class it needs: a dependency left out or scoped wrong,
 * a cut too far in slim/, an HTTP class reached from a queued function that ships without HTTP.
 */
@ExtendWith(LocalAwsExtension.class)
class PackagedFunctionsStartTest {

    static final SamTemplate TEMPLATE = SamTemplate.ofRepository();
    static final String HTTP_HANDLER = "com.salesos.admin.lambda.AdminHttpFunction";
    static LocalAws aws;

    @BeforeAll
    static void provision(LocalAws localAws) {
        aws = localAws;
    }

    @Test
    void every_function_jar_builds_its_handler_and_handles_an_event_with_nothing_but_the_jar() throws Exception {
        List<String> failures = new ArrayList<>();
        for (SamTemplate.Function function : TEMPLATE.functions()) {
            String kind = function.handler().equals(HTTP_HANDLER) ? "http"
                    : !TEMPLATE.queueSources(function.logicalId()).isEmpty() ? "sqs" : "schedule";
            String out = run(function, kind);
            String expected = switch (kind) {
                // The problem response of a route no function serves.
                case "http" -> "HANDLED status=404 content-type=application/problem+json";
                // An empty batch: nothing failed.
                case "sqs" -> "HANDLED batchItemFailures=0";
                default -> "HANDLED result=";
            };
            if (!out.contains(expected)) {
                failures.add(function.logicalId() + " (" + kind + ", " + function.codeUri() + ") did not print \"" + expected
                        + "\":\n" + out);
            }
        }
        assertThat(failures).as("functions whose packaged jar failed on its own").isEmpty();
    }

    private static String run(SamTemplate.Function function, String kind) throws IOException, InterruptedException {
        Path jar = RepositoryRoot.locate().resolve(function.codeUri());
        assertThat(jar).as("%s's packaged jar (mvn package builds it before local's tests)", function.logicalId()).exists();
        Path probe = Path.of(PackagedFunctionProbe.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        Path log = Files.createTempFile("packaged-" + function.logicalId(), ".log");
        ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", jar + File.pathSeparator + probe,
                PackagedFunctionProbe.class.getName(), function.handler(), kind)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        command.environment().clear();
        command.environment().putAll(environment(function));
        Process process = command.start();
        boolean ended = process.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        return ended ? out : out + "\n(no answer within 120 s)";
    }

    /** What Lambda gives the function: the template's variables, a region and credentials (here the emulator's). */
    private static Map<String, String> environment(SamTemplate.Function function) {
        Map<String, String> environment = new HashMap<>(aws.stack().environmentOf(function.logicalId()));
        environment.put("AWS_REGION", LocalAws.REGION);
        environment.put("AWS_ACCESS_KEY_ID", EmulatorClients.ACCESS_KEY);
        environment.put("AWS_SECRET_ACCESS_KEY", EmulatorClients.SECRET_KEY);
        environment.put("PATH", System.getenv("PATH"));
        return environment;
    }
}
