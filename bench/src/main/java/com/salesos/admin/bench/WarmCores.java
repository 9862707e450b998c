package com.salesos.admin.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Where the warm probes run. Here the emulator shares the machine's cores with the function it
 * answers, and the SDK time the bench subtracts is only the time the function waits for an answer:
 * what the emulator does after answering (werkzeug's request log, the launcher's lock, Python's
 * collector) runs beside the function, or on its core instead of it, and lands in the time counted
 * as outside the SDK. In AWS, DynamoDB never runs on the function's CPU. So the warm targets are
 * measured with the emulator, every thread of it, on one core and the probe on another, where this
 * machine allows it (two cores or more, {@code taskset}); {@link #share} gives the emulator every
 * core back for the same probes on shared cores, printed for information.
 */
final class WarmCores {

    private static final String PROBE_CORE = "0";
    private static final String EMULATOR_CORE = "1";

    private final OptionalLong emulator;
    private final boolean separate;
    private final String description;

    private WarmCores(OptionalLong emulator, boolean separate, String description) {
        this.emulator = emulator;
        this.separate = separate;
        this.description = description;
    }

    /** Pins the emulator to core 1, if there is one and taskset can; the probes then go to core 0. */
    static WarmCores separate(OptionalLong emulatorPid) {
        boolean separate = emulatorPid.isPresent() && Runtime.getRuntime().availableProcessors() >= 2
                && run("taskset", "-c", PROBE_CORE, "true")
                && run("taskset", "-a", "-cp", EMULATOR_CORE, Long.toString(emulatorPid.getAsLong()));
        return new WarmCores(emulatorPid, separate, separate
                ? "the probe on core " + PROBE_CORE + ", the emulator on core " + EMULATOR_CORE
                : "the probe and the emulator sharing the cores (they could not be separated here)");
    }

    boolean separated() {
        return separate;
    }

    /** What goes before a probe's command: pinned to core 0 while the emulator is on core 1. */
    List<String> probeLauncher() {
        return separate ? List.of("taskset", "-c", PROBE_CORE) : List.of();
    }

    String describe() {
        return description;
    }

    /** Gives the emulator every core again, and the probes no pinning: the shared-cores round. */
    WarmCores share() {
        if (separate) {
            run("taskset", "-a", "-cp", "0-" + (Runtime.getRuntime().availableProcessors() - 1),
                    Long.toString(emulator.getAsLong()));
        }
        return new WarmCores(emulator, false, "the probe and the emulator sharing the cores");
    }

    private static boolean run(String... command) {
        try {
            return new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
