package com.salesos.admin.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A UTC clock that stands still until a test moves it: tests move time, never sleep. */
public final class MovableClock extends Clock {

    // Volatile: the emulator's tests move it from the test thread while handlers read it on others.
    private volatile Instant now;

    public MovableClock(Instant now) {
        this.now = now;
    }

    public MovableClock(String now) {
        this(Instant.parse(now));
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    public void set(Instant instant) {
        now = instant;
    }

    @Override
    public ZoneOffset getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
