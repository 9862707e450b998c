package com.salesos.admin.common;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;

/** {@code prefix_} + 12 hex digits of epoch millis + 16 random hex digits: unique and time-ordered. */
public final class TimeOrderedIds implements IdGenerator {

    private final Clock clock;
    private final SecureRandom random;

    public TimeOrderedIds(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    @Override
    public String newId(String prefix) {
        byte[] entropy = new byte[8];
        random.nextBytes(entropy);
        return prefix + "_" + String.format("%012x", clock.millis()) + HexFormat.of().formatHex(entropy);
    }
}
