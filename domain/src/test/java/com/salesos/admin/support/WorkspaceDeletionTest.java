package com.salesos.admin.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salesos.admin.access.BuiltInRoles;
import com.salesos.admin.access.Caller;
import com.salesos.admin.access.SupportStaff;
import com.salesos.admin.access.UserStatus;
import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.common.IdempotencyKey;
import com.salesos.admin.common.TimeOrderedIds;
import com.salesos.admin.problems.DomainException;
import com.salesos.admin.testing.InMemoryIdempotency;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Deleting a workspace with in-memory ports: three explicit steps, each audited and told to the Admins. */
class WorkspaceDeletionTest {

    static final SupportStaff STAFF = new SupportStaff("s1");
    static final Caller ADMIN = new Caller("ws-1", "usr_admin", "admin@x.test", "Ada", null, BuiltInRoles.ADMIN, UserStatus.ACTIVE);
    static final Caller MANAGER = new Caller("ws-1", "usr_mgr", "mgr@x.test", "Max", null, BuiltInRoles.MANAGER, UserStatus.ACTIVE);
    static final Caller OTHER_ADMIN = new Caller("ws-2", "usr_other", "o@y.test", "O", null, BuiltInRoles.ADMIN, UserStatus.ACTIVE);

    Instant now = Instant.parse("2026-03-01T09:00:00Z");
    final Clock clock = new Clock() {
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        public Clock withZone(ZoneId zone) {
            return this;
        }

        public Instant instant() {
            return now;
        }
    };
    final InMemoryRequests requests = new InMemoryRequests();
    final WorkspaceProvisioningTest.InMemoryRegistry registry = new WorkspaceProvisioningTest.InMemoryRegistry();
    final List<String> told = new ArrayList<>();
    final List<String> started = new ArrayList<>();
    final WorkspaceDeletion deletion = new WorkspaceDeletion(requests, registry,
            (request, name) -> told.add(request.state().code() + " " + name), running -> started.add(running.id()),
            WorkspaceDeletion.DEFAULT_WAITING_PERIOD, new TimeOrderedIds(clock, new SecureRandom()), clock);
    final ReadOnlyWhileDeleting guard = new ReadOnlyWhileDeleting(requests);

    WorkspaceDeletionTest() {
        registry.register(new WorkspaceSummary("ws-1", "Acme Corp", "team", 10, WorkspaceState.ACTIVE, now),
                new AuditEvent("ws-1", "support:s0", "workspace.provisioned", "workspace", "ws-1", now, Map.of(), Map.of()),
                Optional.empty());
    }

    @Test
    void a_retried_opening_with_the_same_key_answers_the_first_request_and_tells_the_admins_once() {
        WorkspaceDeletion.Opened first = deletion.open(STAFF, "ws-1", "SUP-9", "customer asked", Optional.of("k-1"));
        int toldBefore = told.size();

        WorkspaceDeletion.Opened retried = deletion.open(STAFF, "ws-1", "SUP-9", "customer asked", Optional.of("k-1"));

        assertThat(retried.replayed()).isTrue();
        assertThat(retried.request().id()).isEqualTo(first.request().id());
        assertThat(told).hasSize(toldBefore);
        assertThat(requests.audits).hasSize(1);
        assertThatThrownBy(() -> deletion.open(STAFF, "ws-1", "SUP-10", "another reason", Optional.of("k-1")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("idempotency-key-reused"));
    }

    @Test
    void open_confirm_wait_and_execute_each_audited_and_told_to_the_admins() {
        DeletionRequest opened = deletion.open(STAFF, "ws-1", "SUP-9", "customer asked", Optional.empty()).request();
        deletion.confirm(ADMIN, opened.id(), "Acme Corp");
        now = now.plus(Duration.ofHours(72));
        DeletionRequest running = deletion.execute(STAFF, opened.id(), "ws-1");

        assertThat(running.state()).isInstanceOf(DeletionState.Running.class);
        assertThat(started).containsExactly(opened.id());
        assertThat(told).containsExactly("open Acme Corp", "confirmed Acme Corp", "running Acme Corp");
        assertThat(requests.audits).extracting(AuditEvent::action).containsExactly(
                "workspace.deletion.opened", "workspace.deletion.confirmed", "workspace.deletion.executed");
        assertThat(requests.audits).extracting(AuditEvent::actorUserId).containsExactly("support:s1", "usr_admin", "support:s1");
        assertThat(requests.audits.get(0).after().toString()).doesNotContain("admin@x.test", "Ada");
    }

    @Test
    void executing_a_running_request_again_only_starts_it_again_and_a_skipped_step_is_refused() {
        DeletionRequest opened = deletion.open(STAFF, "ws-1", "SUP-9", "customer asked", Optional.empty()).request();
        assertThatThrownBy(() -> deletion.execute(STAFF, opened.id(), "ws-1"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("deletion-step-not-allowed"));
        deletion.confirm(ADMIN, opened.id(), "Acme Corp");
        now = now.plus(Duration.ofHours(72));
        DeletionRequest running = deletion.execute(STAFF, opened.id(), "ws-1");

        // The first start may have been lost after the commit (the queue down): support executes again.
        assertThat(deletion.execute(STAFF, opened.id(), "ws-1")).isEqualTo(running);
        assertThat(started).containsExactly(opened.id(), opened.id());
        assertThat(requests.audits).extracting(AuditEvent::action).containsOnlyOnce("workspace.deletion.executed");
        assertThatThrownBy(() -> deletion.execute(STAFF, opened.id(), "ws-2"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("deletion-step-not-allowed"));
    }

    @Test
    void an_admin_of_the_workspace_follows_the_request_and_nobody_else_does() {
        DeletionRequest opened = deletion.open(STAFF, "ws-1", "SUP-9", "customer asked", Optional.empty()).request();

        assertThat(deletion.get(ADMIN, opened.id())).isEqualTo(opened);
        assertThatThrownBy(() -> deletion.get(MANAGER, opened.id()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("deletion-admin-only"));
        assertThatThrownBy(() -> deletion.get(OTHER_ADMIN, opened.id()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("not-found"));
    }

    @Test
    void the_waiting_period_is_counted_from_the_confirmation_and_is_configurable() {
        WorkspaceDeletion quick = new WorkspaceDeletion(requests, registry, (r, n) -> { }, r -> { }, Duration.ofHours(1),
                new TimeOrderedIds(clock, new SecureRandom()), clock);
        DeletionRequest opened = quick.open(STAFF, "ws-1", "SUP-9", "customer asked", Optional.empty()).request();
        now = now.plus(Duration.ofDays(10));
        quick.confirm(ADMIN, opened.id(), "Acme Corp");
        now = now.plus(Duration.ofMinutes(59));

        assertThatThrownBy(() -> quick.execute(STAFF, opened.id(), "ws-1"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("deletion-waiting-period"));
        now = now.plus(Duration.ofMinutes(1));
        assertThat(quick.execute(STAFF, opened.id(), "ws-1").state().code()).isEqualTo("running");
    }

    @Test
    void a_wrong_name_is_refused_and_counted_and_the_exact_name_still_confirms() {
        DeletionRequest opened = deletion.open(STAFF, "ws-1", "SUP-9", "customer asked", Optional.empty()).request();

        for (String wrong : List.of("acme corp", "Acme Corp ", "Acme")) {
            assertThatThrownBy(() -> deletion.confirm(ADMIN, opened.id(), wrong))
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("workspace-name-mismatch"));
        }

        assertThat(requests.find(opened.id()).orElseThrow().failedConfirmations()).isEqualTo(3);
        assertThat(requests.audits).extracting(AuditEvent::action).filteredOn("workspace.deletion.confirmation-refused"::equals)
                .hasSize(3);
        assertThat(deletion.confirm(ADMIN, opened.id(), "Acme Corp").state().code()).isEqualTo("confirmed");
    }

    @Test
    void only_an_admin_of_the_workspace_confirms_and_another_workspace_sees_nothing() {
        DeletionRequest opened = deletion.open(STAFF, "ws-1", "SUP-9", "customer asked", Optional.empty()).request();

        assertThatThrownBy(() -> deletion.confirm(MANAGER, opened.id(), "Acme Corp"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("deletion-admin-only"));
        assertThatThrownBy(() -> deletion.confirm(OTHER_ADMIN, opened.id(), "Acme Corp"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("not-found"));
        assertThat(requests.find(opened.id()).orElseThrow().state().code()).isEqualTo("open");
    }

    @Test
    void the_workspace_is_read_only_from_the_confirmation_until_a_cancel() {
        DeletionRequest opened = deletion.open(STAFF, "ws-1", "SUP-9", "customer asked", Optional.empty()).request();
        guard.requireWritable("ws-1");
        deletion.confirm(ADMIN, opened.id(), "Acme Corp");

        assertThatThrownBy(() -> guard.requireWritable("ws-1")).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.type()).isEqualTo("workspace-being-deleted");
            assertThat(e.extensions()).containsEntry("deletionRequestId", opened.id());
        });
        deletion.cancelByAdmin(ADMIN, opened.id());
        guard.requireWritable("ws-1");
        assertThat(told).last().isEqualTo("cancelled Acme Corp");
    }

    @Test
    void a_workspace_has_one_live_request_at_a_time_and_a_cancelled_one_makes_room() {
        DeletionRequest first = deletion.open(STAFF, "ws-1", "SUP-9", "customer asked", Optional.empty()).request();

        assertThatThrownBy(() -> deletion.open(STAFF, "ws-1", "SUP-10", "again", Optional.empty()).request())
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type()).isEqualTo("deletion-already-requested");
                    assertThat(e.extensions()).containsEntry("deletionRequestId", first.id());
                });
        deletion.cancelBySupport(STAFF, first.id());
        assertThat(requests.byId.get(first.id()).reason()).as("support's free text goes; ticket and who stay").isEmpty();
        assertThat(requests.byId.get(first.id()).ticket()).isEqualTo("SUP-9");
        assertThat(deletion.open(STAFF, "ws-1", "SUP-10", "again", Optional.empty()).request().state().code()).isEqualTo("open");
    }

    @Test
    void a_deleted_workspace_cannot_be_asked_for_again_it_answers_404_like_one_that_never_was() {
        registry.register(new WorkspaceSummary("ws-gone", "", "team", 10, WorkspaceState.DELETED, now),
                new AuditEvent("ws-gone", "support:s0", "workspace.provisioned", "workspace", "ws-gone", now, Map.of(), Map.of()),
                Optional.empty());

        assertThatThrownBy(() -> deletion.open(STAFF, "ws-gone", "SUP-9", "again", Optional.empty()).request())
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("not-found"));
        assertThat(requests.byId).isEmpty();
    }

    @Test
    void opening_needs_an_existing_workspace_a_ticket_and_a_reason() {
        assertThatThrownBy(() -> deletion.open(STAFF, "ws-nope", "SUP-1", "x", Optional.empty()).request())
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("not-found"));
        assertThatThrownBy(() -> deletion.open(STAFF, "ws-1", " ", null, Optional.empty()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.errors()).hasSize(2));
        assertThat(requests.byId).isEmpty();
    }

    /** Requests, their audit records, each workspace's live slot and lock, as the table keeps them. */
    static final class InMemoryRequests implements DeletionRequestStore {
        final Map<String, DeletionRequest> byId = new LinkedHashMap<>();
        final Map<String, String> live = new LinkedHashMap<>();
        final List<AuditEvent> audits = new ArrayList<>();
        final InMemoryIdempotency keys = new InMemoryIdempotency();

        @Override
        public Opening open(DeletionRequest request, AuditEvent audit, Optional<IdempotencyKey> key) {
            Optional<IdempotencyKey.Replay> replay = keys.replay(request.workspaceId(), key);
            if (replay.isPresent()) {
                return new Opening.Replayed(replay.get());
            }
            if (deletedWorkspaces.contains(request.workspaceId())) {
                return new Opening.NoWorkspace();
            }
            if (live.containsKey(request.workspaceId())) {
                return new Opening.AlreadyRequested(live.get(request.workspaceId()));
            }
            live.put(request.workspaceId(), request.id());
            byId.put(request.id(), request);
            keys.remember(request.workspaceId(), key, request.id());
            audits.add(audit);
            return new Opening.Opened();
        }

        @Override
        public Optional<DeletionRequest> find(String requestId) {
            return Optional.ofNullable(byId.get(requestId));
        }

        @Override
        public boolean replace(DeletionRequest current, DeletionRequest next, AuditEvent audit) {
            if (!current.equals(byId.get(current.id()))) {
                return false;
            }
            byId.put(next.id(), next);
            if (!next.isLive()) {
                live.remove(next.workspaceId());
            }
            audits.add(audit);
            return true;
        }

        @Override
        public Optional<String> lockOf(String workspaceId) {
            return Optional.ofNullable(live.get(workspaceId)).map(byId::get).filter(DeletionRequest::locksWorkspace)
                    .map(DeletionRequest::id);
        }

        final Map<String, PurgeProgress> progress = new LinkedHashMap<>();
        final List<String> deletedWorkspaces = new ArrayList<>();

        @Override
        public PurgeProgress progress(DeletionRequest running) {
            return progress.getOrDefault(running.id(), PurgeProgress.start());
        }

        @Override
        public boolean saveProgress(DeletionRequest running, PurgeProgress current, PurgeProgress next) {
            if (!current.equals(progress(running)) || !running.equals(byId.get(running.id()))) {
                return false;
            }
            progress.put(running.id(), next);
            return true;
        }

        @Override
        public boolean finish(DeletionRequest running, PurgeProgress last, DeletionRequest done) {
            if (!running.equals(byId.get(running.id())) || !last.equals(progress(running))) {
                return false;
            }
            byId.put(done.id(), done);
            live.remove(done.workspaceId());
            progress.remove(done.id());
            deletedWorkspaces.add(done.workspaceId());
            return true;
        }
    }
}
