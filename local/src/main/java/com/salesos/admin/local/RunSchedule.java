package com.salesos.admin.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.salesos.admin.emulator.EmulatorClients;
import com.salesos.admin.emulator.RepositoryRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * {@code bin/run-schedule [--at <instant>]}: runs the scheduled plan-downgrades handler once against
 * the running local stack, now or as if it were {@code --at} (to watch a downgrade apply without
 * waiting for the end of the period).
 */
public final class RunSchedule {

    private RunSchedule() {
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        Path environment = RepositoryRoot.locate().resolve(".salesos-local/environment.json");
        if (!Files.isRegularFile(environment)) {
            throw new IllegalStateException("Start bin/local first: " + environment + " is missing");
        }
        ObjectMapper json = new ObjectMapper();
        ((Map<String, String>) json.readValue(environment.toFile(), Map.class)).forEach(System::setProperty);
        System.setProperty("aws.accessKeyId", EmulatorClients.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", EmulatorClients.SECRET_KEY);
        Clock clock = args.length == 2 && args[0].equals("--at")
                ? Clock.fixed(Instant.parse(args[1]), ZoneOffset.UTC) : Clock.systemUTC();
        if (args.length == 2) {
            // Applying a downgrade starts the next billing period at that instant, in the simulated future.
            System.err.println("Note: --at " + args[1] + " runs the schedule as if it were that time. A downgrade it applies"
                    + " starts the workspace's next billing period then, so an upgrade made afterwards (at today's"
                    + " real time) is prorated against that future period and charged in full. Restart bin/local"
                    + " for a workspace with a fresh period.");
        }
        try (ScheduledJobs jobs = new ScheduledJobs(clock)) {
            System.out.println(json.writeValueAsString(jobs.runOnce()));
        }
        System.exit(0);
    }
}
