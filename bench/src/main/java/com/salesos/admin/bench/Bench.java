package com.salesos.admin.bench;

import com.salesos.admin.emulator.EmulatorClients;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.MotoServer;
import com.salesos.admin.emulator.RepositoryRoot;
import com.salesos.admin.emulator.SamTemplate;
import com.salesos.admin.users.User;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bin/bench}: cold start of each function against a plain RequestHandler baseline,
 * both in fresh JVMs with the JVM options template.yaml gives Lambda, median of N runs; then warm
 * per-request overhead (SDK time subtracted) and the deployed jar's size. Prints figures; asserts
 * nothing.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        int warmRequests = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Path root = RepositoryRoot.locate();
        SamTemplate template = SamTemplate.ofRepository();
        Path benchClasses = root.resolve("bench/target/classes");
        String baselineClasspath = benchClasses + ":" + Files.readString(root.resolve("bench/target/baseline-classpath.txt")).trim();

        try (MotoServer moto = MotoServer.start(MotoServer.freePort(), Files.createTempFile("bench-moto", ".log"))) {
            LocalAws aws = LocalAws.on(moto);
            aws.workspaces().createWorkspace("ws-bench", "Bench", "team", 1_000_000);
            User admin = aws.workspaces().addUser("ws-bench", "usr_bench", "bench@bench.test", "Bench Admin", "admin",
                    null, "Bench-Passw0rd-123");
            Map<String, String> invites = environment(aws, "InvitesFunction");
            Map<String, String> users = environment(aws, "UsersFunction");
            String invitesClasspath = functionClasspath(root, template, "InvitesFunction", benchClasses);
            String usersClasspath = functionClasspath(root, template, "UsersFunction", benchClasses);
            String handler = handlerOf(template, "InvitesFunction");

            System.out.printf("Cold start, %d fresh JVMs each, JVM options from template.yaml: %s%n", runs,
                    invites.getOrDefault("JAVA_TOOL_OPTIONS", ""));
            Cold[] baseline = new Cold[runs];
            Cold[] invitesSameWork = new Cold[runs];
            Cold[] invitesInvite = new Cold[runs];
            Cold[] usersMe = new Cold[runs];
            for (int i = 0; i < runs; i++) {
                baseline[i] = coldStart(baselineClasspath, invites, PlainAcceptHandler.class.getName(),
                        "POST", "/v1/invitations/accept", "{}", null);
                invitesSameWork[i] = coldStart(invitesClasspath, invites, handler, "POST", "/v1/invitations/accept", "{}", null);
                invitesInvite[i] = coldStart(invitesClasspath, invites, handler, "POST", "/v1/invitations",
                        "{\"email\":\"cold" + i + "@bench.test\",\"name\":\"Cold " + i + "\",\"role\":\"sales-rep\"}", admin.subject());
                usersMe[i] = coldStart(usersClasspath, users, handlerOf(template, "UsersFunction"), "GET", "/v1/me", null,
                        admin.subject());
            }
            double base = median(column(baseline, Cold::wallMs));
            System.out.println(describe("baseline plain RequestHandler, accept with invalid body -> 422", baseline, base));
            System.out.println(describe("invites function, same request", invitesSameWork, base));
            System.out.println(describe("invites function, authorized invite (caller lookup, 4 DynamoDB + SES calls)", invitesInvite, base));
            System.out.println(describe("users function, GET /v1/me (caller lookup + user read)", usersMe, base));
            System.out.println("     runs (wall ms): baseline " + Arrays.toString(column(baseline, Cold::wallMs))
                    + " invites " + Arrays.toString(column(invitesSameWork, Cold::wallMs)));

            System.out.printf("%nWarm, %d requests after %d warm-up requests, same JVM options:%n", warmRequests, warmRequests);
            runAndEcho(List.of("java", "-cp", invitesClasspath, WarmProbe.class.getName(), Integer.toString(warmRequests),
                    "invites:list-invitations", "GET", "/v1/invitations", "-",
                    "invites:accept-invalid", "POST", "/v1/invitations/accept", "{}",
                    "--subject", admin.subject(), "--registration"), invites);
            runAndEcho(List.of("java", "-cp", usersClasspath, WarmProbe.class.getName(), Integer.toString(warmRequests),
                    "users:me", "GET", "/v1/me", "-",
                    "users:list-users", "GET", "/v1/users", "-",
                    "--subject", admin.subject()), users);
            runAndEcho(List.of("java", "-cp", baselineClasspath, BaselineWarmProbe.class.getName(),
                    Integer.toString(warmRequests)), invites);
        }
        System.out.println();
        for (SamTemplate.Function function : template.functions()) {
            Path jar = root.resolve(function.codeUri());
            System.out.printf(Locale.ROOT, "JAR %s %.1f MB%n", root.relativize(jar), Files.size(jar) / 1024.0 / 1024.0);
        }
    }

    private static Map<String, String> environment(LocalAws aws, String function) {
        Map<String, String> environment = new java.util.HashMap<>(aws.stack().environmentOf(function));
        environment.put("AWS_ACCESS_KEY_ID", EmulatorClients.ACCESS_KEY);
        environment.put("AWS_SECRET_ACCESS_KEY", EmulatorClients.SECRET_KEY);
        return environment;
    }

    private static String handlerOf(SamTemplate template, String function) {
        return template.functions().stream().filter(f -> f.logicalId().equals(function)).findFirst().orElseThrow().handler();
    }

    /** The function's deployed (shaded) jar, as template.yaml's CodeUri names it, plus the probes. */
    private static String functionClasspath(Path root, SamTemplate template, String function, Path benchClasses) {
        Path jar = root.resolve(template.functions().stream().filter(f -> f.logicalId().equals(function))
                .findFirst().orElseThrow().codeUri());
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run mvn -DskipTests package first");
        }
        return jar + ":" + benchClasses;
    }

    /** One cold start: wall time from spawn to the handled line; construct and invoke times as the probe saw them. */
    private record Cold(long wallMs, long constructMs, long invokeMs) {
    }

    private static long[] column(Cold[] runs, java.util.function.ToLongFunction<Cold> field) {
        return Arrays.stream(runs).mapToLong(field).toArray();
    }

    private static String describe(String label, Cold[] runs, double baselineWall) {
        double wall = median(column(runs, Cold::wallMs));
        return String.format(Locale.ROOT, "COLD %-72s median %5.0f ms (%.2fx baseline)  construct %4.0f ms  first invoke %4.0f ms",
                label, wall, wall / baselineWall, median(column(runs, Cold::constructMs)), median(column(runs, Cold::invokeMs)));
    }

    private static Cold coldStart(String classpath, Map<String, String> environment, String handler, String method,
                                  String path, String body, String subject) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("java", "-cp", classpath, ColdStartProbe.class.getName(),
                handler, method, path, body == null ? "-" : body));
        if (subject != null) {
            command.add(subject);
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        long start = System.nanoTime();
        Process process = builder.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("HANDLED ")) {
                    long elapsed = (System.nanoTime() - start) / 1_000_000;
                    process.waitFor();
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("construct_ms=(\\d+) invoke_ms=(\\d+)").matcher(line);
                    if (!m.find()) {
                        throw new IllegalStateException("unexpected probe line: " + line);
                    }
                    return new Cold(elapsed, Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
                }
            }
        }
        throw new IllegalStateException("probe of " + handler + " exited " + process.waitFor() + " without handling");
    }

    private static void runAndEcho(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            out.lines().filter(l -> l.startsWith("WARM") || l.contains("Exception") || l.contains("Error"))
                    .forEach(System.out::println);
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException(command.get(3) + " failed");
        }
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
    }
}
