package com.salesos.admin.common;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Keeps background work under a rate, so that a job takes no more than its share of the table's
 * capacity: before each piece of work the caller says how many units it is about to spend (pages
 * read, deals moved), and the pacer waits until spending them keeps the rate at or below
 * {@code unitsPerSecond}. Idle time earns no credit: a job that paused does not burst afterwards.
 * Time is measured on a monotonic ticker (nanoseconds), not on the wall clock. Used by the workers
 * that share a partition or a quota with everyone else: export page reads, deal moves, invitation
 * emails (SES's send rate). Thread-safe: concurrent callers share the one rate.
 */
public final class Pacer {

    /** Waits; production code uses {@link #THREAD_SLEEP}, tests a fake that moves their ticker. */
    public interface Sleeper {
        void sleep(Duration duration);
    }

    public static final Sleeper THREAD_SLEEP = duration -> {
        try {
            Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pacing", e);
        }
    };

    private static final Pacer UNPACED = new Pacer(Double.POSITIVE_INFINITY, () -> 0L, duration -> {
    });

    private final double nanosPerUnit;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private long nextFree;
    private boolean started;

    /** @param unitsPerSecond the cap; must be positive */
    public Pacer(double unitsPerSecond, LongSupplier nanoTime, Sleeper sleeper) {
        if (!(unitsPerSecond > 0)) {
            throw new IllegalArgumentException("a pace needs a positive rate, not " + unitsPerSecond);
        }
        this.nanosPerUnit = 1e9 / unitsPerSecond;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    /**
     * No cap at all: for measuring the work itself (benchmarks of the export pipeline, whose pages
     * come from a generator, not the table).
     */
    public static Pacer unpaced() {
        return UNPACED;
    }

    /** A pacer on the JVM's monotonic clock that sleeps the calling thread. */
    public static Pacer of(double unitsPerSecond) {
        return new Pacer(unitsPerSecond, System::nanoTime, THREAD_SLEEP);
    }

    /**
     * Call before spending {@code units}: waits until the work done so far, at the cap, would have
     * taken until now, then books these units. Answers how long it waited.
     */
    public synchronized Duration pace(double units) {
        if (nanosPerUnit == 0) {
            return Duration.ZERO;
        }
        long now = nanoTime.getAsLong();
        if (!started || nextFree - now < 0) {
            // First use, or behind schedule: start from now (no credit for time spent idle).
            nextFree = now;
            started = true;
        }
        Duration wait = Duration.ofNanos(nextFree - now);
        if (!wait.isZero()) {
            sleeper.sleep(wait);
        }
        nextFree += (long) Math.ceil(units * nanosPerUnit);
        return wait;
    }
}
