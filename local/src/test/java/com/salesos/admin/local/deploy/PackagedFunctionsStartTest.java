package com.salesos.admin.local.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.aws.exports.ExportWakeUps;
import com.salesos.admin.aws.invites.InvitationEmailMessages;
import com.salesos.admin.aws.users.ReassignmentWakeUps;
import com.salesos.admin.emulator.JarBudgets;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.LocalAwsExtension;
import com.salesos.admin.emulator.RepositoryRoot;
import com.salesos.admin.emulator.SamTemplate;
import com.salesos.admin.exports.ExportRef;
import com.salesos.admin.users.ReassignmentRef;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every function's Lambda jar starts and handles an event on its own, as in Lambda: a fresh JVM
 * with the runtime's JIT flags, the jar as the whole classpath (plus {@link PackagedFunctionProbe},
 * copied alone to a directory of its own), the template's environment pointing at the emulator.
 * The other tests run each function on the build's classpath, where the test dependencies (the
 * emulator, the edge) add classes the jar may lack; this one catches a jar that misses a class it
 * needs: a dependency left out or scoped wrong, a cut too far in slim/, an HTTP class reached from
 * a queued function that ships without HTTP, a service listing naming a class that is gone.
 *
 * <p>After the event, an HTTP function runs its SnapStart priming from the jar (its requests through
 * the whole stack, AWS answered offline): none of them may answer 5xx. This is what catches a bean
 * definition listing the jar leaves out (the shade configuration drops those of features no
 * function uses) that a request path needs after all. It checks no status beyond that: a refusal
 * the priming expects and one caused by a missing binder look alike here (the priming tests on the
 * build's classpath pin the invites and users statuses).
 *
 * <p>Every jar must also start on the Micronaut AOT classes the package phase adds to it (aot/), in
 * the environments the optimizer analysed it in (the environment has AWS_LAMBDA_FUNCTION_NAME, as in
 * Lambda, where Micronaut adds ec2 and cloud to the handlers' function and lambda): the probe prints
 * whether Micronaut's static service lists are in use and the context's environments.
 *
 * <p>Each event goes through the function's SDK clients: an HTTP function gets a signed-in request
 * on one of its routes from a caller no workspace knows (the access filter reads the caller from
 * DynamoDB and refuses), a queued function a message about a job, invitation or deletion that does
 * not exist (its worker reads the store and lets the message go), the scheduled function its
 * schedule event (it looks for due downgrades). Nothing is written. Runs after {@code mvn package}
 * (in local, which builds last); under {@code mvn test} alone it would start whatever jars an
 * earlier package left.
 */
@ExtendWith(LocalAwsExtension.class)
class PackagedFunctionsStartTest {

    static final SamTemplate TEMPLATE = SamTemplate.ofRepository();
    static final String HTTP_HANDLER = "com.salesos.admin.lambda.AdminHttpFunction";
    static LocalAws aws;
    /** The environments Micronaut AOT analysed every jar in (aot/), sorted as the probe prints them. */
    static final SortedSet<String> AOT_ENVIRONMENTS = aotEnvironments();

    @BeforeAll
    static void provision(LocalAws localAws) {
        aws = localAws;
    }

    @Test
    void every_function_jar_builds_its_handler_and_handles_an_event_with_nothing_but_the_jar(@TempDir Path probeDirectory)
            throws Exception {
        Path probe = probeClassesIn(probeDirectory);
        assertThat(TEMPLATE.functions().stream().map(f -> f.codeUri().replaceAll("/target/.*", "")).sorted().toList())
                .as("the template's functions are the modules under functions/")
                .isEqualTo(JarBudgets.of(RepositoryRoot.locate()).stream().map(j -> "functions/" + j.function()).sorted().toList());
        List<String> failures = new ArrayList<>();
        for (SamTemplate.Function function : TEMPLATE.functions()) {
            List<String> event = eventFor(function);
            String out = run(function, probe, event);
            String expected = switch (event.get(0)) {
                // The access filter looked the caller up and refused it.
                case "http" -> "HANDLED status=40[13] content-type=application/problem\\+json";
                // The message was read, and let go: nothing to retry.
                case "sqs" -> "HANDLED batchItemFailures=0";
                default -> "HANDLED result=\\{.*\\}";
            };
            List<String> noise = out.lines().filter(l -> l.startsWith("SLF4J") || l.startsWith("\tat ")
                    || l.contains("\"level\":\"ERROR\"")).toList();
            // An HTTP function then runs its priming from the jar: no request of it may fail on the server.
            boolean primed = !event.get(0).equals("http")
                    || java.util.regex.Pattern.compile("(?m)^PRIMED \\[[1-4]\\d\\d(, [1-4]\\d\\d)*]$").matcher(out).find();
            // The jar's Micronaut AOT classes (aot/) were found and used, not the jar's listings, in
            // the environments the optimizer analysed the jar in.
            boolean optimized = out.lines().anyMatch("AOT true"::equals)
                    && out.lines().anyMatch(("ENVIRONMENTS " + AOT_ENVIRONMENTS)::equals);
            if (!java.util.regex.Pattern.compile("(?m)^" + expected + "$").matcher(out).find() || !noise.isEmpty() || !primed
                    || !optimized) {
                failures.add(function.logicalId() + " (" + String.join(" ", event) + ", " + function.codeUri()
                        + ") did not print \"" + expected + "\" alone" + (primed ? "" : ", or its priming answered 5xx")
                        + (optimized ? "" : ", or did not start on Micronaut AOT's classes in " + AOT_ENVIRONMENTS) + ":\n" + out);
            }
        }
        assertThat(failures).as("functions whose packaged jar failed on its own").isEmpty();
    }

    @Test
    void every_service_a_jar_lists_is_a_class_in_that_jar() throws IOException {
        // A listing left from an earlier build (a stale resource in a module's target/) makes
        // ServiceLoader fail on every start; SLF4J, for one, only reports it and runs without logs.
        List<String> dangling = new ArrayList<>();
        for (SamTemplate.Function function : TEMPLATE.functions()) {
            Path jar = RepositoryRoot.locate().resolve(function.codeUri());
            try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
                for (java.util.jar.JarEntry entry : java.util.Collections.list(file.entries())) {
                    if (!entry.getName().startsWith("META-INF/services/") || entry.isDirectory()) {
                        continue;
                    }
                    String listing = new String(file.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
                    listing.lines().map(l -> l.replaceAll("#.*", "").strip()).filter(l -> !l.isEmpty())
                            .filter(name -> file.getEntry(name.replace('.', '/') + ".class") == null)
                            .forEach(name -> dangling.add(jar.getFileName() + " " + entry.getName() + ": " + name));
                }
            }
        }
        assertThat(dangling).as("services listed in a jar without their class").isEmpty();
    }

    private static SortedSet<String> aotEnvironments() {
        Properties settings = new Properties();
        try (var in = Files.newInputStream(RepositoryRoot.locate().resolve("aot/src/main/resources/optimizations.properties"))) {
            settings.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TreeSet<>(List.of(settings.getProperty("target.environments").split(",")));
    }

    /** The probe's arguments after the handler: its kind and what to send. */
    private static List<String> eventFor(SamTemplate.Function function) {
        if (function.handler().equals(HTTP_HANDLER)) {
            SamTemplate.Route route = TEMPLATE.routes().stream()
                    .filter(r -> r.function().equals(function.logicalId()) && r.authorized() && r.method().equals("GET"))
                    .findFirst().orElseThrow(() -> new AssertionError(function.logicalId() + " has no signed-in GET route"));
            return List.of("http", route.method(), route.path().replaceAll("\\{[^}]+}", "probe"), "usr-no-such-caller");
        }
        if (TEMPLATE.queueSources(function.logicalId()).isEmpty()) {
            return List.of("schedule");
        }
        String handler = function.handler();
        String body;
        if (handler.endsWith("ExportWorkerHandler")) {
            body = ExportWakeUps.body(new ExportRef("ws-probe", "exp-no-such-job"));
        } else if (handler.endsWith("ReassignmentWorkerHandler")) {
            body = ReassignmentWakeUps.body(new ReassignmentRef("ws-probe", "rsg-no-such-job"));
        } else if (handler.endsWith("InvitationSenderHandler")) {
            body = InvitationEmailMessages.body("ws-probe", "inv-no-such-invitation");
        } else if (handler.endsWith("DeletionWorkerHandler")) {
            body = "{\"deletionRequestId\":\"del-no-such-request\"}";
        } else {
            throw new AssertionError("no probe message for " + handler + ": add one here");
        }
        return List.of("sqs", body);
    }

    /** The probe's class files alone, so that nothing else of local's test classes is on the classpath. */
    private static Path probeClassesIn(Path directory) throws IOException {
        Path classes = Path.of(PackagedFunctionProbe.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        String packagePath = PackagedFunctionProbe.class.getPackageName().replace('.', '/');
        Path target = Files.createDirectories(directory.resolve(packagePath));
        try (var files = Files.list(classes.resolve(packagePath))) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("PackagedFunctionProbe")).toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        return directory;
    }

    private static String run(SamTemplate.Function function, Path probe, List<String> event) throws IOException, InterruptedException {
        Path jar = RepositoryRoot.locate().resolve(function.codeUri());
        assertThat(jar).as("%s's packaged jar (mvn package builds it before local's tests)", function.logicalId()).exists();
        Path log = Files.createTempFile("packaged-" + function.logicalId(), ".log");
        List<String> arguments = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", jar + File.pathSeparator + probe, PackagedFunctionProbe.class.getName(), function.handler()));
        arguments.addAll(event);
        ProcessBuilder command = new ProcessBuilder(arguments)
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

    /** What Lambda gives the function's process (variables, region, credentials), and a PATH. */
    private static Map<String, String> environment(SamTemplate.Function function) {
        Map<String, String> environment = new HashMap<>(aws.stack().processEnvironmentOf(function.logicalId()));
        environment.put("PATH", System.getenv("PATH"));
        return environment;
    }
}
