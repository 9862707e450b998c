package com.salesos.admin.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salesos.admin.access.BuiltInRoles;
import com.salesos.admin.testing.Callers;
import com.salesos.admin.testing.InMemoryAuditLog;
import com.salesos.admin.testing.InMemoryExportFiles;
import com.salesos.admin.testing.InMemoryExportJobs;
import com.salesos.admin.testing.InMemoryExportQueue;
import com.salesos.admin.testing.InMemoryExportRecords;
import com.salesos.admin.testing.MovableClock;
import com.salesos.admin.testing.RecordingExportMailer;
import com.salesos.admin.testing.SequentialIds;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import com.salesos.admin.common.Pacer;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The export worker on in-memory ports: the zip it builds, one export and one email per job
 * whatever the deliveries, and a run cut by its deadline resumed from the checkpoint.
 */
class ExportWorkerTest {

    static final String WS = "ws";
    static final Duration PLENTY = Duration.ofMinutes(10);
    /** Less than the worker's reserve: the run stops after its first part. */
    static final Duration ALMOST_NONE = Duration.ofSeconds(5);

    final MovableClock clock = new MovableClock("2026-03-01T09:00:00Z");
    final InMemoryAuditLog audit = new InMemoryAuditLog();
    final InMemoryExportJobs jobs = new InMemoryExportJobs(audit);
    final InMemoryExportQueue queue = new InMemoryExportQueue();
    final InMemoryExportFiles files = new InMemoryExportFiles();
    final InMemoryExportRecords records = new InMemoryExportRecords(50);
    final RecordingExportMailer mailer = new RecordingExportMailer();
    final ExportService service = new ExportService(jobs, queue, (key, name) -> URI.create("https://x.test/" + key),
            new SequentialIds(), clock);
    /** The pace's ticker: it moves only when the pacer sleeps, so every wait it asks for is the whole gap. */
    final AtomicLong ticks = new AtomicLong();
    final List<Duration> paced = new ArrayList<>();
    static final int PAGES_PER_SECOND = 4;
    final ExportWorker worker = new ExportWorker(jobs, records, files, queue, mailer, clock, 4096,
            new Pacer(PAGES_PER_SECOND, ticks::get, d -> {
                paced.add(d);
                ticks.addAndGet(d.toNanos());
            }));
    int leases;

    private ExportRef requested(String... entities) {
        ExportRef ref = service.request(Callers.of(WS, "usr_admin", BuiltInRoles.ADMIN), List.of(entities), Optional.empty()).job().ref();
        queue.receive();
        return ref;
    }

    private ExportWorker.Outcome wake(ExportRef ref, Duration timeLeft) {
        return worker.wake(ref, timeLeft, "lease-" + (++leases));
    }

    /** Deals and users whose values compress poorly, so the zip spans several parts. */
    private void records(int deals) {
        Random random = new Random(7);
        for (int i = 0; i < deals; i++) {
            records.add(WS, ExportEntity.DEALS, List.of("deal-" + i, "Deal " + Long.toHexString(random.nextLong()),
                    "won", Long.toString(random.nextInt(1_000_000)), "EUR", "usr_" + random.nextInt(9), "2026-01-01T00:00:00Z"));
        }
        records.add(WS, ExportEntity.USERS, List.of("usr_1", "a@x.test", "=HYPERLINK(\"evil\")", "admin", "Admin", "", "ACTIVE",
                "2026-01-01T00:00:00Z"));
    }

    private Map<String, String> unzip(ExportResult result) throws IOException {
        byte[] zip = files.object(result.objectKey()).orElseThrow();
        assertThat(result.sizeBytes()).isEqualTo(zip.length);
        assertThat(result.sha256()).isEqualTo(sha256(zip));
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_job_becomes_one_zip_with_a_csv_per_entity_and_one_email() throws IOException {
        records(3);
        ExportRef ref = requested("deals", "users");

        ExportWorker.Outcome outcome = wake(ref, PLENTY);

        ExportResult result = ((ExportWorker.Outcome.Succeeded) outcome).result();
        assertThat(result.counts()).containsEntry(ExportEntity.DEALS, 3L).containsEntry(ExportEntity.USERS, 1L);
        Map<String, String> zip = unzip(result);
        assertThat(zip).containsOnlyKeys("deals.csv", "users.csv");
        assertThat(zip.get("deals.csv")).startsWith("id,name,stage,amountMinor,currency,ownerUserId,createdAt\r\n")
                .contains("deal-2,");
        assertThat(zip.get("users.csv")).doesNotContain(",=HYPERLINK");
        assertThat(result.expiresAt()).isEqualTo(clock.instant().plus(ExportWorker.RETENTION));
        assertThat(jobs.find(ref).orElseThrow().status()).isEqualTo(ExportStatus.SUCCEEDED);
        assertThat(jobs.activeJob(WS)).isEmpty();
        assertThat(mailer.sent()).containsExactly("ready " + ref.jobId());
    }

    @Test
    void an_export_reads_no_more_pages_a_second_than_its_pace_allows() {
        records(449); // with the one user: 9 pages of 50 deals, 1 of users
        ExportRef ref = requested("deals", "users");

        assertThat(wake(ref, PLENTY)).isInstanceOf(ExportWorker.Outcome.Succeeded.class);

        // The first page at once, each later one a quarter of a second after the one before.
        assertThat(paced).hasSize(9).containsOnly(Duration.ofMillis(1000 / PAGES_PER_SECOND));
    }

    @Test
    void a_redelivered_wake_up_after_success_makes_no_second_export_and_no_second_email() {
        records(3);
        ExportRef ref = requested("deals");
        wake(ref, PLENTY);

        assertThat(wake(ref, PLENTY)).isInstanceOf(ExportWorker.Outcome.Skipped.class);
        assertThat(worker.giveUp(ref)).isInstanceOf(ExportWorker.Outcome.Skipped.class);

        assertThat(files.uploadsStarted()).isEqualTo(1);
        assertThat(files.objectCount()).isEqualTo(1);
        assertThat(mailer.sent()).hasSize(1);
        assertThat(jobs.find(ref).orElseThrow().status()).isEqualTo(ExportStatus.SUCCEEDED);
    }

    @Test
    void a_run_cut_short_by_its_deadline_checkpoints_wakes_the_next_and_the_resumed_zip_equals_an_uninterrupted_one()
            throws IOException {
        records(3000);
        ExportRef whole = requested("deals", "users");
        Map<String, String> expected = unzip(((ExportWorker.Outcome.Succeeded) wake(whole, PLENTY)).result());
        String jobId = whole.jobId();

        ExportRef cut = requested("deals", "users");
        ExportWorker.Outcome first = wake(cut, ALMOST_NONE);
        assertThat(first).isInstanceOf(ExportWorker.Outcome.Continued.class);
        assertThat(jobs.find(cut).orElseThrow().checkpoint()).isPresent();
        assertThat(jobs.find(cut).orElseThrow().progress().get(ExportEntity.DEALS)).isPositive();

        ExportWorker.Outcome last = first;
        int invocations = 1;
        for (Optional<ExportRef> next = queue.receive(); next.isPresent(); next = queue.receive()) {
            last = wake(next.get(), invocations < 3 ? ALMOST_NONE : PLENTY);
            invocations++;
        }

        assertThat(invocations).isGreaterThan(2);
        ExportResult result = ((ExportWorker.Outcome.Succeeded) last).result();
        assertThat(result.counts()).containsEntry(ExportEntity.DEALS, 3000L).containsEntry(ExportEntity.USERS, 1L);
        assertThat(unzip(result)).isEqualTo(expected);
        assertThat(files.uploadsStarted()).isEqualTo(2);
        assertThat(mailer.sent()).containsExactly("ready " + jobId, "ready " + cut.jobId());
    }

    @Test
    void a_wake_up_while_another_invocation_holds_the_lease_does_nothing() {
        records(3000);
        ExportRef ref = requested("deals");
        jobs.claim(ref, "someone-else", clock.instant(), clock.instant().plus(PLENTY));

        assertThat(wake(ref, PLENTY)).isInstanceOf(ExportWorker.Outcome.Skipped.class);
        assertThat(files.uploadsStarted()).isZero();

        clock.advance(PLENTY.plusSeconds(1));
        assertThat(wake(ref, PLENTY)).isInstanceOf(ExportWorker.Outcome.Succeeded.class);
    }

    @Test
    void a_failed_attempt_keeps_its_reason_releases_the_lease_and_the_retry_finishes_the_job() {
        records(3);
        ExportRef ref = requested("deals");
        records.failNext = new IllegalStateException("store throttled");

        assertThatThrownBy(() -> wake(ref, PLENTY)).hasMessage("store throttled");
        assertThat(jobs.find(ref).orElseThrow().error()).contains("IllegalStateException: store throttled");
        assertThat(mailer.sent()).isEmpty();

        assertThat(wake(ref, PLENTY)).isInstanceOf(ExportWorker.Outcome.Succeeded.class);
        assertThat(mailer.sent()).containsExactly("ready " + ref.jobId());
    }

    @Test
    void a_job_that_keeps_failing_is_marked_failed_its_upload_dropped_and_the_requester_told_once() {
        records(3000);
        ExportRef ref = requested("deals");
        assertThat(wake(ref, ALMOST_NONE)).isInstanceOf(ExportWorker.Outcome.Continued.class);
        assertThat(files.unfinishedUploads()).isEqualTo(1);

        assertThat(worker.giveUp(ref)).isInstanceOf(ExportWorker.Outcome.Failed.class);
        assertThat(worker.giveUp(ref)).isInstanceOf(ExportWorker.Outcome.Skipped.class);
        assertThat(wake(queue.receive().orElseThrow(), PLENTY)).isInstanceOf(ExportWorker.Outcome.Skipped.class);

        ExportJob failed = jobs.find(ref).orElseThrow();
        assertThat(failed.status()).isEqualTo(ExportStatus.FAILED);
        assertThat(failed.error()).isPresent();
        assertThat(files.unfinishedUploads()).isZero();
        assertThat(files.objectCount()).isZero();
        assertThat(mailer.sent()).containsExactly("failed " + ref.jobId());
        assertThat(jobs.activeJob(WS)).isEmpty();
    }

    @Test
    void an_email_the_provider_refused_is_sent_by_the_next_delivery_and_only_once() {
        records(3);
        ExportRef ref = requested("deals");
        mailer.down = true;
        assertThatThrownBy(() -> wake(ref, PLENTY)).isInstanceOf(com.salesos.admin.common.MailNotSent.class);
        assertThat(jobs.find(ref).orElseThrow().status()).isEqualTo(ExportStatus.SUCCEEDED);
        assertThat(jobs.find(ref).orElseThrow().notice()).isEqualTo(Notice.PENDING);

        mailer.down = false;
        wake(ref, PLENTY);
        wake(ref, PLENTY);

        assertThat(mailer.sent()).containsExactly("ready " + ref.jobId());
        assertThat(files.objectCount()).isEqualTo(1);
    }
}
