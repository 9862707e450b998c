package com.salesos.admin.bench;

/** The plain baseline handler, warm, on its own classpath (Jackson; no Micronaut, no SDK). */
public final class BaselineWarmProbe {

    private BaselineWarmProbe() {
    }

    public static void main(String[] args) {
        Timing.halting(() -> probe(args));
    }

    private static void probe(String[] args) {
        int n = Integer.parseInt(args[0]);
        PlainAcceptHandler plain = new PlainAcceptHandler();
        Timing.report("baseline-accept-invalid", n, 422, () -> 0L, () -> ProbeEvents.event("POST", "/v1/invitations/accept", "{}", null),
                event -> plain.handleRequest(event, new ProbeContext()));
    }
}
