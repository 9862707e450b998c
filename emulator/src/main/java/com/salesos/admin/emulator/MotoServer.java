package com.salesos.admin.emulator;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * moto's server as a child process (through emulator/moto_launcher.py, which serialises DynamoDB
 * requests), or an endpoint someone else runs when {@code AWS_ENDPOINT_URL} is set.
 */
public final class MotoServer implements AutoCloseable {

    private static MotoServer shared;

    private final URI endpoint;
    private final Process process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static final String FAULTS = "/salesos-api/faults";

    private MotoServer(URI endpoint, Process process) {
        this.endpoint = endpoint;
        this.process = process;
    }

    /** One server per JVM (test run), started on first use and stopped when the JVM exits. */
    public static synchronized MotoServer shared() {
        if (shared == null) {
            String external = System.getenv("AWS_ENDPOINT_URL");
            shared = external != null && !external.isBlank()
                    ? new MotoServer(URI.create(external), null)
                    : startOnAFreePort(logFile());
            MotoServer started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return shared;
    }

    /**
     * In the module's build directory when there is one (tests run there), so that test JVMs of
     * modules built in parallel each keep their own log beside their surefire reports.
     */
    private static Path logFile() {
        Path target = Path.of("target");
        return (java.nio.file.Files.isDirectory(target) ? target : Path.of(System.getProperty("java.io.tmpdir")))
                .resolve("salesos-moto.log");
    }

    /**
     * On a port free a moment ago. Test JVMs of modules built in parallel may pick the same one; the
     * launcher that loses exits, and this one tries again on another port.
     */
    static MotoServer startOnAFreePort(Path log) {
        IllegalStateException lastFailure = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return start(freePort(), log);
            } catch (IllegalStateException e) {
                lastFailure = e;
            }
        }
        throw lastFailure;
    }

    public static MotoServer start(int port, Path log) {
        Path launcher = RepositoryRoot.locate().resolve("emulator/moto_launcher.py");
        String instance = java.util.UUID.randomUUID().toString();
        try {
            Process process = new ProcessBuilder("python3", launcher.toString(), "--host", "127.0.0.1",
                    "--port", Integer.toString(port), "--instance", instance)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            MotoServer server = new MotoServer(URI.create("http://127.0.0.1:" + port), process);
            server.awaitReady(instance, Duration.ofSeconds(30));
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start moto (python3 " + launcher + "); is moto installed?", e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** The server's process id; empty for a server someone else runs ({@code AWS_ENDPOINT_URL}). */
    public OptionalLong pid() {
        return process == null ? OptionalLong.empty() : OptionalLong.of(process.pid());
    }

    /** Forgets every resource and item; only moto has this. */
    public void reset() {
        if (process == null) {
            return;
        }
        send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/reset")).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** The emails SES accepted, as {@code {"emails": [{source, subject, body, destinations}]}} (moto_launcher.py's endpoint). */
    public String sentEmailsJson() {
        return send(HttpRequest.newBuilder(endpoint.resolve("/salesos-api/sent-emails")).GET().build());
    }

    /**
     * The launcher's fault mode: from now on this fraction (0..1) of TransactWriteItems calls is
     * cancelled with reason TransactionConflict, as real DynamoDB cancels racing transactions.
     * Starts at SALESOS_EMULATOR_CONFLICT_RATE (default 0); callers that change it restore it.
     */
    public void transactionConflictRate(double rate) {
        send(HttpRequest.newBuilder(endpoint.resolve(FAULTS)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"transactionConflictRate\": " + rate + "}")).build());
    }

    /** How many TransactWriteItems calls the fault mode has cancelled since the server started. */
    public long cancelledTransactions() {
        String state = send(HttpRequest.newBuilder(endpoint.resolve(FAULTS)).GET().build());
        java.util.regex.Matcher count = java.util.regex.Pattern.compile("\"cancelled\":\\s*(\\d+)").matcher(state);
        if (!count.find()) {
            throw new IllegalStateException("Unexpected answer from " + FAULTS + ": " + state);
        }
        return Long.parseLong(count.group(1));
    }

    /** Until the launcher we started answers with its own instance id: another server on the port is not ours. */
    private void awaitReady(String instance, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto exited with " + process.exitValue());
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint.resolve("/salesos-api/instance"))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().equals(instance)) {
                    return;
                }
            } catch (IOException notYet) {
                // keep polling
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleepBriefly();
        }
        close();
        throw new IllegalStateException("moto did not answer within " + timeout);
    }

    private String send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("moto answered " + response.statusCode() + " to " + request.uri());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
        }
    }
}
