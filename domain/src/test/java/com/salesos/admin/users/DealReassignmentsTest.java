package com.salesos.admin.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salesos.admin.access.BuiltInRoles;
import com.salesos.admin.access.Caller;
import com.salesos.admin.access.UserStatus;
import com.salesos.admin.problems.DomainException;
import com.salesos.admin.problems.FieldError;
import com.salesos.admin.problems.ProblemKind;
import com.salesos.admin.testing.Callers;
import com.salesos.admin.testing.InMemoryAuditLog;
import com.salesos.admin.testing.InMemoryDeals;
import com.salesos.admin.testing.InMemoryReassignmentQueue;
import com.salesos.admin.testing.InMemoryReassignments;
import com.salesos.admin.testing.InMemoryRoles;
import com.salesos.admin.testing.InMemorySeats;
import com.salesos.admin.testing.InMemoryUsers;
import com.salesos.admin.testing.MovableClock;
import com.salesos.admin.testing.SequentialIds;
import com.salesos.admin.users.DealReassignments.Reassignment;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reassigning deals on in-memory ports: within the request when few, as a background job when many. */
class DealReassignmentsTest {

    static final String WS = "ws";

    final MovableClock clock = new MovableClock("2026-03-01T09:00:00Z");
    final InMemoryAuditLog audit = new InMemoryAuditLog();
    final InMemorySeats seats = new InMemorySeats();
    final InMemoryRoles roles = new InMemoryRoles(audit);
    final InMemoryUsers users = new InMemoryUsers(seats, roles, audit);
    final InMemoryDeals deals = new InMemoryDeals(10_000, audit, users);
    final InMemoryReassignments jobs = new InMemoryReassignments(deals, audit);
    final InMemoryReassignmentQueue queue = new InMemoryReassignmentQueue();
    final DealReassignments reassignments = new DealReassignments(users, deals, jobs, queue, new SequentialIds(), clock);

    final User admin;
    final User rep;
    final User manager;
    final Caller asAdmin;

    DealReassignmentsTest() {
        seats.open(WS, 5);
        admin = users.add(WS, "usr_admin", "admin", UserStatus.ACTIVE);
        rep = users.add(WS, "usr_rep", "sales-rep", UserStatus.ACTIVE);
        manager = users.add(WS, "usr_manager", "manager", UserStatus.ACTIVE);
        asAdmin = Callers.of(admin, BuiltInRoles.ADMIN);
    }

    @Test
    void a_few_deals_move_within_the_request_and_a_repeat_moves_nothing() {
        seed(rep.id(), 5);

        Reassignment done = reassignments.reassign(asAdmin, rep.id(), admin.id(), Optional.empty());

        assertThat(done).isInstanceOfSatisfying(Reassignment.Done.class, d -> {
            assertThat(d.moved()).isEqualTo(5);
            assertThat(d.movedDealIds()).hasSize(5);
        });
        assertThat(deals.countOwned(WS, admin.id())).isEqualTo(5);
        assertThat(audit.last().action()).isEqualTo(DealReassignments.MOVED);
        assertThat(queue.sent()).isEmpty();
        assertThat(((Reassignment.Done) reassignments.reassign(asAdmin, rep.id(), admin.id(), Optional.empty())).moved()).isZero();
    }

    @Test
    void exactly_as_many_deals_as_move_at_once_still_move_within_the_request() {
        seed(rep.id(), DealReassignments.AT_ONCE);

        assertThat(reassignments.reassign(asAdmin, rep.id(), admin.id(), Optional.empty()))
                .isInstanceOfSatisfying(Reassignment.Done.class, d -> assertThat(d.moved()).isEqualTo(DealReassignments.AT_ONCE));
    }

    @Test
    void more_deals_than_move_at_once_start_a_background_job_with_an_estimate_and_nothing_moved_yet() {
        seed(rep.id(), DealReassignments.AT_ONCE + 1);

        Reassignment started = reassignments.reassign(asAdmin, rep.id(), admin.id(), Optional.empty());

        DealReassignment job = ((Reassignment.Started) started).job();
        assertThat(job.status()).isEqualTo(ReassignmentStatus.QUEUED);
        assertThat(job.estimatedDeals()).isEqualTo(DealReassignments.AT_ONCE + 1);
        assertThat(job.estimateCapped()).isFalse();
        assertThat(job.requestedBy()).isEqualTo(admin.id());
        assertThat(queue.sent()).containsExactly(job.ref());
        assertThat(deals.countOwned(WS, admin.id())).isZero();
        assertThat(jobs.find(job.ref())).contains(job);
    }

    @Test
    void the_estimate_stops_counting_at_its_cap_and_says_so() {
        seed(rep.id(), (int) DealReassignments.ESTIMATE_CAP + 1);

        DealReassignment job = ((Reassignment.Started) reassignments.reassign(asAdmin, rep.id(), admin.id(), Optional.empty())).job();

        assertThat(job.estimatedDeals()).isEqualTo(DealReassignments.ESTIMATE_CAP);
        assertThat(job.estimateCapped()).isTrue();
    }

    @Test
    void one_background_move_per_source_user_at_a_time_and_a_lost_wake_up_is_sent_again() {
        seed(rep.id(), DealReassignments.AT_ONCE + 1);
        DealReassignment first = ((Reassignment.Started) reassignments.reassign(asAdmin, rep.id(), admin.id(), Optional.empty())).job();

        assertThatThrownBy(() -> reassignments.reassign(asAdmin, rep.id(), manager.id(), Optional.empty()))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type()).isEqualTo("reassignment-in-progress");
                    assertThat(e.extensions()).containsEntry("activeReassignmentId", first.id());
                });
        assertThat(queue.sent()).hasSize(1);

        clock.advance(DealReassignments.STALE_QUEUED.plus(Duration.ofSeconds(1)));
        assertThatThrownBy(() -> reassignments.reassign(asAdmin, rep.id(), manager.id(), Optional.empty()))
                .isInstanceOf(DomainException.class);
        assertThat(queue.sent()).containsExactly(first.ref(), first.ref());
    }

    @Test
    void when_the_queue_refuses_the_job_is_withdrawn_and_the_answer_is_503() {
        seed(rep.id(), DealReassignments.AT_ONCE + 1);
        queue.down = true;

        assertThatThrownBy(() -> reassignments.reassign(asAdmin, rep.id(), admin.id(), Optional.empty()))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemKind.UNAVAILABLE);
                    assertThat(e.type()).isEqualTo("reassignment-queue-unavailable");
                });
        assertThat(jobs.find(new ReassignmentRef(WS, "dra_0001"))).isEmpty();

        queue.down = false;
        assertThat(reassignments.reassign(asAdmin, rep.id(), admin.id(), Optional.empty())).isInstanceOf(Reassignment.Started.class);
    }

    @Test
    void a_wake_up_whose_answer_was_lost_but_that_a_worker_already_took_is_not_withdrawn() {
        seed(rep.id(), DealReassignments.AT_ONCE + 1);
        // SQS stores the message and a worker claims the job before the send's answer comes back as an error.
        ReassignmentQueue lostAnswer = ref -> {
            queue.wakeUp(ref);
            jobs.claim(ref, "lease-fast", clock.instant(), clock.instant().plus(Duration.ofMinutes(5)));
            throw new ReassignmentQueue.QueueUnavailable("timed out", null);
        };
        DealReassignments racing = new DealReassignments(users, deals, jobs, lostAnswer, new SequentialIds(), clock);

        Reassignment started = racing.reassign(asAdmin, rep.id(), admin.id(), Optional.empty());

        assertThat(started).isInstanceOf(Reassignment.Started.class);
        assertThat(jobs.find(((Reassignment.Started) started).job().ref()))
                .hasValueSatisfying(job -> assertThat(job.status()).isEqualTo(ReassignmentStatus.RUNNING));
    }

    @Test
    void listed_deals_move_only_if_the_source_user_still_owns_them() {
        deals.add(WS, "deal-1", rep.id());
        deals.add(WS, "deal-2", admin.id());

        Reassignment.Done done = (Reassignment.Done) reassignments.reassign(asAdmin, rep.id(), manager.id(),
                Optional.of(List.of("deal-1", "deal-2", "deal-1")));

        assertThat(done.movedDealIds()).containsExactly("deal-1");
        assertThat(done.notMoved()).containsExactly("deal-2");
        assertThat(audit.lastAfter()).containsEntry("count", 1).containsEntry("ownerUserId", manager.id());
    }

    @Test
    void deals_go_only_to_another_active_user() {
        deals.add(WS, "deal-1", admin.id());
        users.replace(withStatus(rep, UserStatus.DEACTIVATED));

        for (String target : new String[] {rep.id(), admin.id(), "usr_nobody", ""}) {
            assertThatThrownBy(() -> reassignments.reassign(asAdmin, admin.id(), target, Optional.empty()))
                    .as(target).isInstanceOfSatisfying(DomainException.class,
                            e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("toUserId"));
        }
        assertThat(deals.ownerOf(WS, "deal-1")).isEqualTo(admin.id());
    }

    @Test
    void a_receiver_deactivated_while_deals_move_stops_the_move_and_the_answer_says_what_moved() {
        // The request saw the receiver active; by the time the moves commit it is not.
        InMemoryUsers later = new InMemoryUsers(new InMemorySeats(), roles, audit);
        InMemoryDeals racing = new InMemoryDeals(10_000, audit, later);
        racing.add(WS, "deal-0", rep.id());
        DealReassignments racingMoves = new DealReassignments(users, racing, jobs, queue, new SequentialIds(), clock);

        assertThatThrownBy(() -> racingMoves.reassign(asAdmin, rep.id(), manager.id(), Optional.empty()))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type()).isEqualTo("reassignment-receiver-inactive");
                    assertThat(e.extensions()).containsEntry("moved", 0);
                });
        assertThat(racing.ownerOf(WS, "deal-0")).isEqualTo(rep.id());
    }

    @Test
    void a_job_is_read_by_whoever_started_it_or_anyone_who_manages_users() {
        seed(rep.id(), DealReassignments.AT_ONCE + 1);
        DealReassignment job = ((Reassignment.Started) reassignments.reassign(asAdmin, rep.id(), admin.id(), Optional.empty())).job();

        assertThat(reassignments.get(asAdmin, job.id())).isEqualTo(job);
        // The Admin who started it, demoted since: still theirs to follow.
        assertThat(reassignments.get(Callers.of(admin, BuiltInRoles.SALES_REP), job.id())).isEqualTo(job);
        assertThatThrownBy(() -> reassignments.get(Callers.of(manager, BuiltInRoles.MANAGER), job.id()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("permission-missing"));
        for (String unknown : new String[] {"dra_9999", "../x", ""}) {
            assertThatThrownBy(() -> reassignments.get(asAdmin, unknown)).as(unknown)
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(ProblemKind.NOT_FOUND));
        }
        assertThatThrownBy(() -> reassignments.get(Callers.of("ws-other", "usr_x", BuiltInRoles.ADMIN), job.id()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(ProblemKind.NOT_FOUND));
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_move_within_the_request_that_fails_partway_answers_exactly_what_moved_and_a_repeat_moves_the_rest() {
        seed(rep.id(), 200);
        deals.interruptAfter(97, new IllegalStateException("the store went away"));

        assertThatThrownBy(() -> reassignments.reassign(asAdmin, rep.id(), manager.id(), Optional.empty()))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemKind.UNAVAILABLE);
                    assertThat(e.type()).isEqualTo("reassignment-interrupted");
                    assertThat(e.extensions()).containsEntry("moved", 97).containsEntry(DomainException.RETRY_AFTER, 1);
                    assertThat((List<Object>) e.extensions().get("movedDealIds")).hasSize(97).doesNotContain("deal-000150");
                    assertThat(e.detail()).doesNotContain("went away");
                });
        assertThat(deals.countOwnedBy(WS, manager.id(), 1_000)).isEqualTo(97);

        // A refusal keeps its own answer and says what moved before it.
        deals.interruptAfter(50, new DomainException(ProblemKind.CONFLICT, "workspace-being-deleted", "Workspace is being deleted",
                "read-only", List.of(), java.util.Map.of("deletionRequestId", "del_1")));
        assertThatThrownBy(() -> reassignments.reassign(asAdmin, rep.id(), manager.id(), Optional.empty()))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type()).isEqualTo("workspace-being-deleted");
                    assertThat(e.extensions()).containsEntry("deletionRequestId", "del_1").containsEntry("moved", 50);
                });

        deals.interruptAfter(Integer.MAX_VALUE, null);
        Reassignment.Done rest = (Reassignment.Done) reassignments.reassign(asAdmin, rep.id(), manager.id(), Optional.empty());
        assertThat(rest.moved()).isEqualTo(53);
        assertThat(deals.countOwnedBy(WS, manager.id(), 1_000)).isEqualTo(200);
    }

    private void seed(String owner, int count) {
        for (int i = 0; i < count; i++) {
            deals.add(WS, String.format("deal-%06d", i), owner);
        }
    }

    private static User withStatus(User user, UserStatus status) {
        return new User(user.id(), user.workspaceId(), user.email(), user.name(), user.roleId(), user.teamId(), status,
                user.subject(), user.createdAt());
    }
}
