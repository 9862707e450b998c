package com.salesos.admin.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Deletes an executed workspace in the background, page by page, within the invocation's time: it
 * saves its progress before removing each page, stops before its time runs out and queues the next
 * invocation, which carries on from the saved progress. Safe to run any number of times for the
 * same request (a redelivered message, a retry after a crash, two deliveries at once): what is
 * gone is not listed again, a page counted but not removed is removed without being counted twice,
 * only one run can save each step of the progress (the other stops), and a request already done is
 * left alone.
 */
public final class DeletionWorker {

    /**
     * Time kept back from the invocation for the page in hand and the hand-over: a page of 200
     * items may close up to 200 sign-in accounts, two identity-provider calls each (three for an
     * interrupted accept's account, looked up first): well under a minute at Cognito's default quotas.
     */
    static final Duration RESERVE = Duration.ofSeconds(60);

    private final DeletionRequestStore requests;
    private final WorkspacePurge purge;
    private final DeletionExecution execution;
    private final Clock clock;

    public DeletionWorker(DeletionRequestStore requests, WorkspacePurge purge, DeletionExecution execution, Clock clock) {
        this.requests = requests;
        this.purge = purge;
        this.execution = execution;
        this.clock = clock;
    }

    public sealed interface Outcome {
        /** Everything is gone; the request is its tombstone. */
        record Finished(PurgeCounts deleted) implements Outcome {
        }

        /** Out of time: progress saved, the next invocation queued. */
        record Continued(String step, PurgeCounts soFar) implements Outcome {
        }

        record Skipped(String why) implements Outcome {
        }
    }

    /** Works on the deletion for at most {@code timeLeft} (the invocation's remaining time). */
    public Outcome run(String requestId, Duration timeLeft) {
        Optional<DeletionRequest> found = requests.find(requestId);
        if (found.isEmpty()) {
            return new Outcome.Skipped("no such deletion request");
        }
        DeletionRequest running = found.get();
        if (!(running.state() instanceof DeletionState.Running)) {
            // Done already (a redelivery), or never executed: nothing to delete.
            return new Outcome.Skipped("request is " + running.state().code());
        }
        Instant deadline = clock.instant().plus(timeLeft).minus(RESERVE);
        PurgeProgress progress = requests.progress(running);
        boolean first = true;
        while (progress.step() < purge.steps().size()) {
            // At least one page per invocation, however little time is left, so every invocation gets on.
            if (!first && !clock.instant().isBefore(deadline)) {
                execution.start(running);
                return new Outcome.Continued(purge.steps().get(progress.step()), progress.counts());
            }
            first = false;
            WorkspacePurge.Batch page = purge.next(running.workspaceId(), progress.step());
            PurgeProgress next = page.entries().isEmpty() ? progress.nextStep() : progress.counting(page.entries());
            if (!next.equals(progress)) {
                if (!requests.saveProgress(running, progress, next)) {
                    return new Outcome.Skipped("another run is deleting this workspace");
                }
                progress = next;
            }
            page.remove();
        }
        DeletionRequest done = running.finished(clock.instant(), progress.counts());
        if (!requests.finish(running, progress, done)) {
            return new Outcome.Skipped("finished by another run");
        }
        return new Outcome.Finished(progress.counts());
    }
}
