package com.salesos.admin.functions.invitationsender;

/**
 * Keeps one sender instance at or below its share of the SES account's send rate: each email
 * waits until 1/rate seconds after the previous one. The instances are capped in template.yaml
 * (the event source's maximum concurrency), so instances x rate stays under the account's rate;
 * SES throttling beyond that is retried by the queue.
 */
final class SendPace {

    private final long intervalNanos;
    private long next = System.nanoTime();

    SendPace(int perSecond) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("sends per second must be at least 1");
        }
        this.intervalNanos = 1_000_000_000L / perSecond;
    }

    /** Blocks until the next send is due. */
    synchronized void await() {
        long wait = next - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while pacing sends", e);
            }
        }
        next = Math.max(next, System.nanoTime()) + intervalNanos;
    }
}
