package com.salesos.admin.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salesos.admin.access.BuiltInRoles;
import com.salesos.admin.access.Caller;
import com.salesos.admin.problems.DomainException;
import com.salesos.admin.problems.FieldError;
import com.salesos.admin.problems.ProblemKind;
import com.salesos.admin.testing.Callers;
import com.salesos.admin.testing.InMemoryAuditLog;
import com.salesos.admin.testing.InMemoryExportJobs;
import com.salesos.admin.testing.InMemoryExportQueue;
import com.salesos.admin.testing.MovableClock;
import com.salesos.admin.testing.SequentialIds;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Requesting and following exports on in-memory ports: one active export per workspace, idempotency, downloads. */
class ExportServiceTest {

    static final String WS = "ws";

    final MovableClock clock = new MovableClock("2026-03-01T09:00:00Z");
    final InMemoryAuditLog audit = new InMemoryAuditLog();
    final InMemoryExportJobs jobs = new InMemoryExportJobs(audit);
    final InMemoryExportQueue queue = new InMemoryExportQueue();
    final ExportService service = new ExportService(jobs, queue,
            (key, fileName) -> URI.create("https://bucket.test/" + key + "?name=" + fileName), new SequentialIds(), clock);
    final Caller admin = Callers.of(WS, "usr_admin", BuiltInRoles.ADMIN);

    @Test
    void a_request_that_picks_nothing_exports_every_entity_and_wakes_one_worker() {
        ExportJob job = service.request(admin, List.of(), Optional.empty()).job();

        assertThat(job.entities()).containsExactly(ExportEntity.values());
        assertThat(job.status()).isEqualTo(ExportStatus.QUEUED);
        assertThat(job.requesterEmail()).isEqualTo(admin.email());
        assertThat(queue.sent()).containsExactly(job.ref());
        assertThat(audit.last().action()).isEqualTo("export.requested");
    }

    @Test
    void picked_entities_come_in_the_fixed_file_order_and_unknown_ones_are_refused() {
        assertThat(service.request(admin, List.of("users", "deals", "users"), Optional.empty()).job().entities())
                .containsExactly(ExportEntity.DEALS, ExportEntity.USERS);

        assertThatThrownBy(() -> service.request(Callers.of("ws2", "usr_2", BuiltInRoles.ADMIN), List.of("deals", "secrets"), Optional.empty()))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.errors()).extracting(FieldError::field).containsExactly("entities");
                    assertThat(e.detail()).contains("secrets");
                });
        assertThat(jobs.activeJob("ws2")).isEmpty();
    }

    @Test
    void a_second_export_while_one_is_active_is_refused_and_names_the_active_one() {
        ExportJob first = service.request(admin, List.of("deals"), Optional.empty()).job();

        assertThatThrownBy(() -> service.request(admin, List.of("leads"), Optional.empty()))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemKind.CONFLICT);
                    assertThat(e.type()).isEqualTo("export-in-progress");
                    assertThat(e.extensions()).containsEntry("activeExportId", first.id());
                });
        assertThat(queue.sent()).hasSize(1);
        assertThat(service.request(Callers.of("ws2", "usr_2", BuiltInRoles.ADMIN), List.of("leads"), Optional.empty())
                .replayed()).isFalse();
    }

    @Test
    void a_job_queued_so_long_that_its_wake_up_was_lost_is_woken_again_by_the_next_request() {
        ExportJob first = service.request(admin, List.of("deals"), Optional.empty()).job();
        queue.receive();
        clock.advance(Duration.ofMinutes(16));

        assertThatThrownBy(() -> service.request(admin, List.of("deals"), Optional.empty())).isInstanceOf(DomainException.class);

        assertThat(queue.sent()).containsExactly(first.ref(), first.ref());
    }

    @Test
    void a_retry_with_the_same_key_answers_the_first_job_and_another_request_with_the_key_is_refused() {
        ExportJob first = service.request(admin, List.of("deals"), Optional.of("k")).job();

        ExportService.Requested again = service.request(admin, List.of("deals"), Optional.of("k"));
        assertThat(again.replayed()).isTrue();
        assertThat(again.job().id()).isEqualTo(first.id());
        assertThatThrownBy(() -> service.request(admin, List.of("leads"), Optional.of("k")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("idempotency-key-reused"));
        assertThat(queue.sent()).hasSize(1);
    }

    @Test
    void a_job_that_cannot_be_queued_is_withdrawn_and_the_workspace_can_try_again() {
        queue.down = true;
        assertThatThrownBy(() -> service.request(admin, List.of("deals"), Optional.of("k")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(ProblemKind.UNAVAILABLE));
        assertThat(jobs.activeJob(WS)).isEmpty();
        assertThat(service.list(admin, com.salesos.admin.common.PageRequest.of(null, null)).items()).isEmpty();

        queue.down = false;
        ExportService.Requested retried = service.request(admin, List.of("deals"), Optional.of("k"));
        assertThat(retried.replayed()).isFalse();
        assertThat(queue.sent()).containsExactly(retried.job().ref());
    }

    @Test
    void a_wake_up_whose_answer_was_lost_but_that_a_worker_already_took_is_not_withdrawn() {
        // SQS stores the message and a worker claims the job before the send's answer comes back as an error.
        ExportQueue lostAnswer = ref -> {
            queue.wakeUp(ref);
            jobs.claim(ref, "lease-fast", clock.instant(), clock.instant().plusSeconds(60));
            throw new ExportQueue.QueueUnavailable("timed out", null);
        };
        ExportService racing = new ExportService(jobs, lostAnswer,
                (key, fileName) -> URI.create("https://bucket.test/" + key), new SequentialIds(), clock);

        ExportService.Requested requested = racing.request(admin, List.of("deals"), Optional.empty());

        assertThat(requested.job().status()).isEqualTo(ExportStatus.RUNNING);
        assertThat(jobs.activeJob(WS)).contains(requested.job().id());
        assertThat(audit.actions()).doesNotContain("export.withdrawn");
    }

    @Test
    void a_download_is_refused_until_the_job_succeeded_and_gone_once_the_file_expired() {
        ExportJob job = service.request(admin, List.of("deals"), Optional.empty()).job();
        assertThatThrownBy(() -> service.downloadLink(admin, job.id()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("export-not-ready"));

        jobs.claim(job.ref(), "lease", clock.instant(), clock.instant().plusSeconds(60));
        jobs.succeed(job.ref(), "lease", new ExportResult(Map.of(ExportEntity.DEALS, 1L), 10, "00", "exports/ws/x.zip",
                clock.instant().plus(ExportWorker.RETENTION)), clock.instant());

        assertThat(service.downloadLink(admin, job.id()).toString()).isEqualTo(
                "https://bucket.test/exports/ws/x.zip?name=salesos-export-" + job.id() + ".zip");
        clock.advance(ExportWorker.RETENTION);
        assertThatThrownBy(() -> service.downloadLink(admin, job.id()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(ProblemKind.GONE));
    }

    @Test
    void another_workspaces_job_or_a_malformed_id_is_not_found() {
        ExportJob foreign = service.request(Callers.of("ws2", "usr_2", BuiltInRoles.ADMIN), List.of("deals"), Optional.empty()).job();

        for (String id : List.of(foreign.id(), "../../etc", "")) {
            assertThatThrownBy(() -> service.get(admin, id))
                    .as(id).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(ProblemKind.NOT_FOUND));
        }
    }
}
