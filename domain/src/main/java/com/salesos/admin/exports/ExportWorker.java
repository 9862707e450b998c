package com.salesos.admin.exports;

import com.salesos.admin.common.MailNotSent;
import com.salesos.admin.common.Pacer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Builds export jobs, woken by queue messages. A wake-up claims the job's lease (so a duplicate
 * delivery finds it held or finished and does nothing), continues from the job's checkpoint, and
 * either finishes, or saves a checkpoint before the invocation's time runs out and wakes the next
 * invocation. A message that keeps failing ends in the dead-letter queue, whose delivery calls
 * {@link #giveUp}.
 */
public final class ExportWorker {

    /** How long export files are kept; the bucket's lifecycle rule deletes them after the same time. */
    public static final Duration RETENTION = Duration.ofDays(7);
    /** Time kept back from the invocation's budget for the checkpoint and the wake-up. */
    static final Duration RESERVE = Duration.ofSeconds(30);

    private final ExportJobStore jobs;
    private final ExportRecords records;
    private final ExportFiles files;
    private final ExportQueue queue;
    private final ExportMailer mailer;
    private final Clock clock;
    private final int partSize;
    private final Pacer pages;

    /**
     * @param pages paces the page reads (one unit a page), so that an export takes at most its
     *              share of the table's read capacity; one pacer for the worker's container
     */
    public ExportWorker(ExportJobStore jobs, ExportRecords records, ExportFiles files, ExportQueue queue,
                        ExportMailer mailer, Clock clock, int partSize, Pacer pages) {
        this.jobs = jobs;
        this.records = records;
        this.files = files;
        this.queue = queue;
        this.mailer = mailer;
        this.clock = clock;
        this.partSize = partSize;
        this.pages = pages;
    }

    /** What a wake-up did. */
    public sealed interface Outcome {
        /** The job as it finished, with its result. */
        record Succeeded(ExportJob job) implements Outcome {
            public ExportResult result() {
                return job.result().orElseThrow();
            }
        }

        /** Checkpointed; another invocation carries on. */
        record Continued(int partsSoFar) implements Outcome {
        }

        /** Nothing to do: finished already, held by another invocation, or gone. */
        record Skipped(String why) implements Outcome {
        }

        record Failed(String reason) implements Outcome {
        }
    }

    /**
     * Works on the job for at most {@code timeLeft} (the invocation's remaining time).
     * @throws RuntimeException when the attempt failed; the message should be retried
     */
    public Outcome wake(ExportRef ref, Duration timeLeft, String leaseId) {
        Instant now = clock.instant();
        ExportJobStore.Claim claim = jobs.claim(ref, leaseId, now, now.plus(timeLeft).plus(RESERVE));
        if (claim instanceof ExportJobStore.Claim.Finished finished) {
            return deliverPendingNotice(finished.job());
        }
        if (claim instanceof ExportJobStore.Claim.Busy) {
            return new Outcome.Skipped("another invocation holds the job");
        }
        if (claim instanceof ExportJobStore.Claim.Missing) {
            return new Outcome.Skipped("no such job");
        }
        ExportJob job = ((ExportJobStore.Claim.Claimed) claim).job();
        Outcome outcome;
        try {
            outcome = new ExportRun(job, leaseId, now.plus(timeLeft).minus(RESERVE), jobs, records, files,
                    queue, clock, partSize, pages).execute();
        } catch (ExportJobStore.LeaseLost lost) {
            return new Outcome.Skipped("the job was taken over or failed meanwhile");
        } catch (ZipStreamWriter.ArchiveTooLarge tooLarge) {
            // Read again: this run may have started the upload its checkpoint names.
            return giveUp(jobs.find(ref).orElseThrow(), tooLarge.getMessage());
        } catch (RuntimeException e) {
            recordAttemptFailure(ref, leaseId, e);
            throw e;
        }
        if (outcome instanceof Outcome.Succeeded succeeded) {
            notify(succeeded.job());
        }
        return outcome;
    }

    /** The dead-letter path: the job failed for good; the requester hears it once. */
    public Outcome giveUp(ExportRef ref) {
        Optional<ExportJob> job = jobs.find(ref);
        if (job.isEmpty()) {
            return new Outcome.Skipped("no such job");
        }
        if (!job.get().status().active()) {
            return deliverPendingNotice(job.get());
        }
        return giveUp(job.get(), "The export failed repeatedly and was stopped"
                + job.get().error().map(e -> " (last error: " + e + ")").orElse(""));
    }

    private Outcome giveUp(ExportJob job, String reason) {
        Instant at = clock.instant();
        if (!jobs.fail(job.ref(), reason, at)) {
            // It finished meanwhile: whoever finished it has its email.
            return jobs.find(job.ref()).map(this::deliverPendingNotice).orElse(new Outcome.Skipped("no such job"));
        }
        job.checkpoint().ifPresent(c -> files.abort(c.objectKey(), c.uploadId()));
        notify(job.failed(reason, at));
        return new Outcome.Failed(reason);
    }

    /** A notice a previous attempt could not send (the provider refused) is sent now, once. */
    private Outcome deliverPendingNotice(ExportJob job) {
        if (job.notice() == Notice.PENDING && jobs.claimNotice(job.ref())) {
            notify(job);
            return new Outcome.Skipped("finished earlier; its email is sent now");
        }
        return new Outcome.Skipped("finished already");
    }

    /** Sends the notice this worker claimed. */
    private void notify(ExportJob job) {
        try {
            if (job.status() == ExportStatus.SUCCEEDED) {
                mailer.ready(job);
            } else {
                mailer.failed(job, job.error().orElse("The export failed"));
            }
            jobs.noticeSent(job.ref());
        } catch (MailNotSent e) {
            jobs.noticeNotSent(job.ref());
            throw e;
        }
    }

    private void recordAttemptFailure(ExportRef ref, String leaseId, RuntimeException cause) {
        try {
            jobs.recordAttemptFailure(ref, leaseId, describe(cause));
        } catch (RuntimeException alsoFailed) {
            cause.addSuppressed(alsoFailed);
        }
    }

    /** A short reason for the job's error field: the kind of fault, never data from the records. */
    static String describe(Throwable e) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage();
        String text = e.getClass().getSimpleName() + message;
        return text.length() > 300 ? text.substring(0, 300) : text;
    }

    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
