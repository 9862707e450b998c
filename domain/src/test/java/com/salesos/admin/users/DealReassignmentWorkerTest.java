package com.salesos.admin.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salesos.admin.access.BuiltInRoles;
import com.salesos.admin.access.UserStatus;
import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.common.Pacer;
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
import com.salesos.admin.users.DealReassignmentWorker.Outcome;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The background mover on in-memory ports: across invocations from its checkpoint, through crashes
 * and redeliveries, each deal moved and counted exactly once.
 */
class DealReassignmentWorkerTest {

    static final String WS = "ws";
    /** In one invocation: 2 index pages (2,000 and 345); 2,000 is 21 batches (20 of 96, one of 80), 345 is 4 (the last of 57). */
    static final int DEALS = 2_345;
    static final Duration WHOLE_BUDGET = Duration.ofMinutes(5);
    /** Below the worker's reserve: one batch per invocation. */
    static final Duration TINY_BUDGET = Duration.ofSeconds(1);

    final MovableClock clock = new MovableClock("2026-03-01T09:00:00Z");
    final InMemoryAuditLog audit = new InMemoryAuditLog();
    final InMemorySeats seats = new InMemorySeats();
    final InMemoryRoles roles = new InMemoryRoles(audit);
    final InMemoryUsers users = new InMemoryUsers(seats, roles, audit);
    final InMemoryDeals deals = new InMemoryDeals(10_000, audit, users);
    final InMemoryReassignments jobs = new InMemoryReassignments(deals, audit);
    final InMemoryReassignmentQueue queue = new InMemoryReassignmentQueue();
    final AtomicLong ticks = new AtomicLong();
    final List<Duration> paced = new ArrayList<>();
    final Pacer pacer = new Pacer(200, ticks::get, d -> {
        paced.add(d);
        ticks.addAndGet(d.toNanos());
    });
    final DealReassignmentWorker worker = new DealReassignmentWorker(jobs, deals, queue, pacer, clock);
    final DealReassignments reassignments = new DealReassignments(users, deals, jobs, queue, new SequentialIds(), clock);
    final User admin;
    final User rep;
    final User receiver;

    DealReassignmentWorkerTest() {
        seats.open(WS, 5);
        admin = users.add(WS, "usr_admin", "admin", UserStatus.ACTIVE);
        rep = users.add(WS, "usr_rep", "sales-rep", UserStatus.ACTIVE);
        receiver = users.add(WS, "usr_to", "sales-rep", UserStatus.ACTIVE);
        for (int i = 0; i < DEALS; i++) {
            deals.add(WS, String.format("deal-%06d", i), rep.id());
        }
        deals.add(WS, "other-1", admin.id());
    }

    @Test
    void a_large_move_goes_on_from_its_checkpoint_across_invocations_and_counts_every_deal_once() {
        ReassignmentRef ref = start();
        List<Outcome> outcomes = new ArrayList<>();
        Optional<ReassignmentRef> message;
        while ((message = queue.receive()).isPresent()) {
            outcomes.add(worker.wake(message.get(), TINY_BUDGET, "lease-" + outcomes.size()));
            DealReassignment now = jobs.find(ref).orElseThrow();
            if (now.status().active()) {
                assertThat(now.status()).isEqualTo(ReassignmentStatus.RUNNING);
                assertThat(jobs.leased(ref)).as("a continuation releases its lease").isFalse();
            }
        }

        // Each invocation moves one batch and reads on from its checkpoint: 25 batches of 96 (the last one 41).
        assertThat(outcomes).hasSize(25);
        assertThat(outcomes.subList(0, 24)).allMatch(o -> o instanceof Outcome.Continued);
        assertThat(outcomes.get(24)).isInstanceOfSatisfying(Outcome.Finished.class,
                f -> assertThat(f.job().moved()).isEqualTo(DEALS));
        DealReassignment done = jobs.find(ref).orElseThrow();
        assertThat(done.status()).isEqualTo(ReassignmentStatus.SUCCEEDED);
        assertThat(done.moved()).isEqualTo(DEALS);
        assertThat(done.finishedAt()).isPresent();
        assertMovedOnceEach(ref);
        assertThat(deals.ownerOf(WS, "other-1")).isEqualTo(admin.id());
    }

    @Test
    void with_enough_time_one_invocation_moves_everything_at_the_pace_it_was_given() {
        ReassignmentRef ref = start();

        Outcome outcome = worker.wake(queue.receive().orElseThrow(), WHOLE_BUDGET, "lease-1");

        assertThat(outcome).isInstanceOf(Outcome.Finished.class);
        assertThat(queue.receive()).isEmpty();
        assertThat(jobs.find(ref).orElseThrow().moved()).isEqualTo(DEALS);
        // 200 deals a second: every batch but the first waits for the deals before it (the fake ticker
        // stands still while deals move, so each wait is the whole 5 ms per deal of the batch before).
        assertThat(paced).hasSize(24);
        assertThat(paced.stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(Duration.ofMillis((DEALS - 57) * 5L));
    }

    @Test
    void a_crash_mid_job_and_the_redelivery_move_each_deal_exactly_once() {
        ReassignmentRef ref = start();
        ReassignmentRef message = queue.receive().orElseThrow();
        // The store's 7th batch fails before committing, as a lost connection would.
        DealReassignmentWorker crashing = new DealReassignmentWorker(
                failOnCall(DealReassignmentStore.class, jobs, "moveBatch", 7, () -> new IllegalStateException("injected crash")),
                deals, queue, pacer, clock);

        assertThatThrownBy(() -> crashing.wake(message, WHOLE_BUDGET, "lease-crash")).hasMessageContaining("injected crash");
        DealReassignment crashed = jobs.find(ref).orElseThrow();
        assertThat(crashed.moved()).isEqualTo(6L * DealReassignmentWorker.BATCH);
        assertThat(crashed.error()).hasValueSatisfying(e -> assertThat(e).contains("injected crash"));
        assertThat(crashed.status()).isEqualTo(ReassignmentStatus.RUNNING);

        // SQS delivers the same message again.
        assertThat(worker.wake(message, WHOLE_BUDGET, "lease-retry")).isInstanceOf(Outcome.Finished.class);
        assertThat(jobs.find(ref).orElseThrow().moved()).isEqualTo(DEALS);
        assertMovedOnceEach(ref);
    }

    @Test
    void a_crash_after_a_batch_committed_loses_nothing_and_counts_nothing_twice() {
        ReassignmentRef ref = start();
        ReassignmentRef message = queue.receive().orElseThrow();
        // Reading the second index page fails: the first was moved and checkpointed batch by batch.
        DealReassignmentWorker crashing = new DealReassignmentWorker(jobs,
                failOnCall(DealOwnership.class, deals, "ownedBy", 2, () -> new IllegalStateException("index unavailable")),
                queue, pacer, clock);
        assertThatThrownBy(() -> crashing.wake(message, WHOLE_BUDGET, "lease-crash")).hasMessageContaining("index unavailable");
        assertThat(jobs.find(ref).orElseThrow().moved()).isEqualTo(DealReassignmentWorker.PAGE);

        // The lease was released with the failure: the retry claims at once and goes on from the checkpoint.
        assertThat(worker.wake(message, WHOLE_BUDGET, "lease-retry")).isInstanceOf(Outcome.Finished.class);
        assertThat(jobs.find(ref).orElseThrow().moved()).isEqualTo(DEALS);
        assertMovedOnceEach(ref);
    }

    @Test
    void a_delivery_while_another_invocation_holds_the_job_does_nothing_until_its_lease_expires() {
        ReassignmentRef ref = start();
        ReassignmentRef message = queue.receive().orElseThrow();
        assertThat(jobs.claim(ref, "lease-elsewhere", clock.instant(), clock.instant().plus(Duration.ofMinutes(5))))
                .isInstanceOf(DealReassignmentStore.Claim.Claimed.class);

        assertThat(worker.wake(message, WHOLE_BUDGET, "lease-2")).isInstanceOf(Outcome.Skipped.class);
        assertThat(deals.countOwned(WS, receiver.id())).isZero();

        clock.advance(Duration.ofMinutes(6)); // the other invocation died without releasing
        assertThat(worker.wake(message, WHOLE_BUDGET, "lease-3")).isInstanceOf(Outcome.Finished.class);
        assertThat(worker.wake(message, WHOLE_BUDGET, "lease-4")).isEqualTo(new Outcome.Skipped("finished already"));
        assertMovedOnceEach(ref);
    }

    @Test
    void a_worker_whose_lease_was_taken_over_writes_nothing_more() {
        ReassignmentRef ref = start();
        ReassignmentRef message = queue.receive().orElseThrow();
        AtomicInteger batches = new AtomicInteger();
        // After its second batch the worker stalls past its lease; another invocation claims the job.
        DealReassignmentStore stalling = around(DealReassignmentStore.class, jobs, (method, args) -> {
            if (method.equals("moveBatch") && batches.incrementAndGet() == 3) {
                clock.advance(Duration.ofMinutes(10));
                jobs.claim(ref, "lease-new", clock.instant(), clock.instant().plus(Duration.ofMinutes(5)));
            }
        });
        Outcome stale = new DealReassignmentWorker(stalling, deals, queue, pacer, clock).wake(message, WHOLE_BUDGET, "lease-old");

        assertThat(stale).isInstanceOf(Outcome.Skipped.class);
        assertThat(jobs.find(ref).orElseThrow().moved()).isEqualTo(2 * DealReassignmentWorker.BATCH);
        assertThat(deals.countOwned(WS, receiver.id())).isEqualTo(2 * DealReassignmentWorker.BATCH);
    }

    @Test
    void stale_index_entries_are_neither_moved_nor_counted() {
        deals.listStale(WS, "deal-000010", rep.id(), admin.id());
        deals.listStale(WS, "deal-000500", rep.id(), admin.id());
        ReassignmentRef ref = start();

        worker.wake(queue.receive().orElseThrow(), WHOLE_BUDGET, "lease-1");

        assertThat(jobs.find(ref).orElseThrow().moved()).isEqualTo(DEALS - 2);
        assertThat(deals.ownerOf(WS, "deal-000010")).isEqualTo(admin.id());
        assertThat(deals.ownerOf(WS, "deal-000500")).isEqualTo(admin.id());
        assertThat(deals.countOwned(WS, rep.id())).isZero();
    }

    @Test
    void a_receiver_deactivated_mid_job_fails_it_with_what_had_moved_and_frees_the_source_user() {
        ReassignmentRef ref = start();
        ReassignmentRef message = queue.receive().orElseThrow();
        AtomicInteger batches = new AtomicInteger();
        DealReassignmentStore deactivating = around(DealReassignmentStore.class, jobs, (method, args) -> {
            if (method.equals("moveBatch") && batches.incrementAndGet() == 4) {
                users.replace(new User(receiver.id(), WS, receiver.email(), receiver.name(), receiver.roleId(), null,
                        UserStatus.DEACTIVATED, receiver.subject(), receiver.createdAt()));
            }
        });

        Outcome outcome = new DealReassignmentWorker(deactivating, deals, queue, pacer, clock).wake(message, WHOLE_BUDGET, "lease-1");

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Failed.class,
                f -> assertThat(f.reason()).contains(receiver.id(), 3 * DealReassignmentWorker.BATCH + " deals had moved"));
        DealReassignment failed = jobs.find(ref).orElseThrow();
        assertThat(failed.status()).isEqualTo(ReassignmentStatus.FAILED);
        assertThat(failed.moved()).isEqualTo(3 * DealReassignmentWorker.BATCH);
        assertThat(deals.countOwned(WS, receiver.id())).isEqualTo(3 * DealReassignmentWorker.BATCH);
        assertThat(start(admin.id())).as("the source user's slot is free again").isNotEqualTo(ref);
    }

    @Test
    void the_dead_letter_path_fails_the_job_once_with_its_last_error() {
        ReassignmentRef ref = start();
        ReassignmentRef message = queue.receive().orElseThrow();
        DealReassignmentWorker crashing = new DealReassignmentWorker(
                failOnCall(DealReassignmentStore.class, jobs, "moveBatch", 2, () -> new IllegalStateException("table unavailable")),
                deals, queue, pacer, clock);
        assertThatThrownBy(() -> crashing.wake(message, WHOLE_BUDGET, "lease-1")).isInstanceOf(IllegalStateException.class);

        Outcome gaveUp = worker.giveUp(message);

        assertThat(gaveUp).isInstanceOfSatisfying(Outcome.Failed.class,
                f -> assertThat(f.reason()).contains("after moving " + DealReassignmentWorker.BATCH + " deals", "table unavailable"));
        assertThat(jobs.find(ref).orElseThrow().status()).isEqualTo(ReassignmentStatus.FAILED);
        assertThat(worker.giveUp(message)).isEqualTo(new Outcome.Skipped("finished already"));
        assertThat(worker.wake(message, WHOLE_BUDGET, "lease-2")).isEqualTo(new Outcome.Skipped("finished already"));
        assertThat(deals.countOwned(WS, receiver.id())).isEqualTo(DealReassignmentWorker.BATCH);
    }

    /** Starts moving all of {@code usr_rep}'s deals (to {@code usr_to}, or to {@code to}) through the use case. */
    private ReassignmentRef start(String... to) {
        var started = reassignments.reassign(Callers.of(admin, BuiltInRoles.ADMIN), rep.id(),
                to.length == 0 ? receiver.id() : to[0], Optional.empty());
        if (started instanceof DealReassignments.Reassignment.Started s) {
            return s.job().ref();
        }
        return null;
    }

    /** Every moved deal in exactly one audit record of this job, and every one of them moved. */
    private void assertMovedOnceEach(ReassignmentRef ref) {
        List<Object> ids = new ArrayList<>();
        for (AuditEvent event : audit.events()) {
            if (ref.jobId().equals(event.after().get("reassignmentId"))) {
                ids.addAll((List<?>) event.after().get("dealIds"));
                assertThat(event.actorUserId()).isEqualTo(admin.id());
                assertThat(event.targetId()).isEqualTo(rep.id());
            }
        }
        assertThat(ids).doesNotHaveDuplicates().hasSize((int) jobs.find(ref).orElseThrow().moved());
        assertThat(deals.countOwned(WS, rep.id())).isZero();
        assertThat(deals.countOwned(WS, receiver.id())).isEqualTo(jobs.find(ref).orElseThrow().moved());
    }

    interface BeforeCall {
        void run(String method, Object[] args);
    }

    static <T> T around(Class<T> port, T real, BeforeCall before) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, called, args) -> {
            before.run(called.getName(), args);
            try {
                return called.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }

    static <T> T failOnCall(Class<T> port, T real, String method, int nth, java.util.function.Supplier<RuntimeException> fault) {
        AtomicInteger calls = new AtomicInteger();
        return around(port, real, (name, args) -> {
            if (name.equals(method) && calls.incrementAndGet() == nth) {
                throw fault.get();
            }
        });
    }
}
