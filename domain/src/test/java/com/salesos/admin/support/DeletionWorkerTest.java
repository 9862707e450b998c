package com.salesos.admin.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.testing.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The background deletion on in-memory ports: page by page with its progress saved before each
 * page is removed, exact counts whatever crashed where, one run at a time, within its time.
 */
class DeletionWorkerTest {

    static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    static final Duration PLENTY = Duration.ofMinutes(15);

    final MovableClock clock = new MovableClock(T0.plus(Duration.ofDays(4)));
    final WorkspaceDeletionTest.InMemoryRequests requests = new WorkspaceDeletionTest.InMemoryRequests();
    final List<String> started = new ArrayList<>();
    final FakePurge purge = new FakePurge();
    final DeletionWorker worker = new DeletionWorker(requests, purge, running -> started.add(running.id()), clock);

    /** Two steps: "accounts" (each key an account) and "items"; pages of three, in key order. */
    static final class FakePurge implements WorkspacePurge {
        final List<TreeMap<String, PurgeCounts>> left = List.of(new TreeMap<>(), new TreeMap<>());
        int removals;
        int crashOnRemoval = -1;
        /** Time each page of something takes. */
        Duration pageTime = Duration.ZERO;
        MovableClock clock;

        public List<String> steps() {
            return List.of("accounts", "items");
        }

        public Batch next(String workspaceId, int step) {
            List<Entry> page = left.get(step).entrySet().stream().limit(3)
                    .map(e -> new Entry(e.getKey(), e.getValue())).toList();
            if (clock != null && !page.isEmpty()) {
                clock.advance(pageTime);
            }
            return new Batch() {
                public List<Entry> entries() {
                    return page;
                }

                public void remove() {
                    if (removals++ == crashOnRemoval) {
                        throw new IllegalStateException("crash before removing the page");
                    }
                    page.forEach(e -> left.get(step).remove(e.key()));
                }
            };
        }
    }

    DeletionRequest running() {
        DeletionRequest open = DeletionRequest.open("del_1", "ws-1", "SUP-1", "Jane Doe left", "support:s1", T0);
        requests.open(open, audit(open));
        DeletionRequest confirmed = open.confirmedBy("usr_admin", T0, Duration.ofHours(72));
        requests.replace(open, confirmed, audit(confirmed));
        DeletionRequest running = confirmed.executedBy("support:s1", "ws-1", T0.plus(Duration.ofHours(72)));
        requests.replace(confirmed, running, audit(running));
        return running;
    }

    void seed(int accounts, int items) {
        for (int i = 0; i < accounts; i++) {
            purge.left.get(0).put("sub-" + (char) ('a' + i), PurgeCounts.account());
        }
        for (int i = 0; i < items; i++) {
            purge.left.get(1).put(String.format("ITEM#%03d", i), PurgeCounts.item());
        }
    }

    static AuditEvent audit(DeletionRequest r) {
        return new AuditEvent(r.workspaceId(), "test", "test", "deletion-request", r.id(), T0, Map.of(), Map.of());
    }

    @Test
    void everything_goes_page_by_page_and_the_request_ends_as_a_tombstone_of_who_when_and_how_much() {
        running();
        seed(2, 7);

        var outcome = worker.run("del_1", PLENTY);

        assertThat(outcome).isEqualTo(new DeletionWorker.Outcome.Finished(new PurgeCounts(2, 0, 0, 7)));
        assertThat(purge.left).allSatisfy(step -> assertThat(step).isEmpty());
        DeletionRequest done = requests.find("del_1").orElseThrow();
        assertThat(done.state()).isEqualTo(new DeletionState.Done("usr_admin", T0, "support:s1", T0.plus(Duration.ofHours(72)),
                clock.instant(), new PurgeCounts(2, 0, 0, 7)));
        assertThat(done.reason()).as("support's free text goes with the data").isEmpty();
        assertThat(requests.deletedWorkspaces).containsExactly("ws-1");
        assertThat(requests.lockOf("ws-1")).isEmpty();
        assertThat(started).as("no second invocation needed").isEmpty();
    }

    @Test
    void a_crash_between_counting_a_page_and_removing_it_is_finished_by_the_retry_without_counting_twice() {
        running();
        seed(2, 7);
        purge.crashOnRemoval = 2; // the accounts page, then one empty step, then the first items page crashes

        assertThatThrownBy(() -> worker.run("del_1", PLENTY)).hasMessageContaining("crash");
        assertThat(requests.lockOf("ws-1")).as("still read-only while unfinished").contains("del_1");
        assertThat(purge.left.get(1)).as("the counted page is still there").hasSize(7);

        assertThat(worker.run("del_1", PLENTY)).isEqualTo(new DeletionWorker.Outcome.Finished(new PurgeCounts(2, 0, 0, 7)));
        assertThat(worker.run("del_1", PLENTY)).isEqualTo(new DeletionWorker.Outcome.Skipped("request is done"));
        assertThat(purge.left.get(1)).isEmpty();
    }

    @Test
    void out_of_time_it_saves_its_progress_and_queues_the_next_invocation_which_carries_on() {
        running();
        seed(0, 10);
        purge.clock = clock;
        purge.pageTime = Duration.ofSeconds(40);
        // 100 s of which 60 are kept back: the first page starts at once, the second at 40 s, none after.
        Duration budget = DeletionWorker.RESERVE.plusSeconds(40);

        var first = worker.run("del_1", budget);

        assertThat(first).isInstanceOf(DeletionWorker.Outcome.Continued.class);
        assertThat(((DeletionWorker.Outcome.Continued) first).soFar().items()).isEqualTo(3);
        assertThat(started).containsExactly("del_1");
        int invocations = 1;
        DeletionWorker.Outcome outcome = first;
        while (outcome instanceof DeletionWorker.Outcome.Continued) {
            outcome = worker.run("del_1", budget);
            invocations++;
        }
        assertThat(outcome).isEqualTo(new DeletionWorker.Outcome.Finished(new PurgeCounts(0, 0, 0, 10)));
        assertThat(invocations).isGreaterThan(2);
        assertThat(started).hasSize(invocations - 1);
    }

    @Test
    void of_two_runs_at_once_the_one_that_saved_first_goes_on_and_the_other_stops_before_removing_anything_uncounted() {
        running();
        seed(0, 7);
        DeletionRequest running = requests.find("del_1").orElseThrow();
        // Another run saved a step's progress after this one read it: this one's save fails.
        PurgeProgress stale = requests.progress(running);
        requests.saveProgress(running, stale, stale.nextStep());
        DeletionWorker late = new DeletionWorker(new DeletionRequestStore() {
            public Opening open(DeletionRequest request, AuditEvent audit,
                                java.util.Optional<com.salesos.admin.common.IdempotencyKey> key) {
                throw new AssertionError();
            }

            public java.util.Optional<DeletionRequest> find(String requestId) {
                return requests.find(requestId);
            }

            public boolean replace(DeletionRequest current, DeletionRequest next, AuditEvent audit) {
                throw new AssertionError();
            }

            public java.util.Optional<String> lockOf(String workspaceId) {
                return requests.lockOf(workspaceId);
            }

            public PurgeProgress progress(DeletionRequest r) {
                return stale;
            }

            public boolean saveProgress(DeletionRequest r, PurgeProgress current, PurgeProgress next) {
                return requests.saveProgress(r, current, next);
            }

            public boolean finish(DeletionRequest r, PurgeProgress last, DeletionRequest done) {
                return requests.finish(r, last, done);
            }
        }, purge, r -> started.add(r.id()), clock);
        purge.left.get(0).put("sub-z", PurgeCounts.account());

        assertThat(late.run("del_1", PLENTY)).isEqualTo(new DeletionWorker.Outcome.Skipped("another run is deleting this workspace"));
        assertThat(purge.left.get(0)).as("nothing it could not count is removed").containsKey("sub-z");
        assertThat(worker.run("del_1", PLENTY)).isInstanceOf(DeletionWorker.Outcome.Finished.class);
    }

    @Test
    void a_request_that_was_not_executed_deletes_nothing() {
        DeletionRequest open = DeletionRequest.open("del_2", "ws-1", "SUP-1", "left", "support:s1", T0);
        requests.open(open, audit(open));
        seed(1, 1);

        assertThat(worker.run("del_2", PLENTY)).isEqualTo(new DeletionWorker.Outcome.Skipped("request is open"));
        assertThat(worker.run("del_nope", PLENTY)).isInstanceOf(DeletionWorker.Outcome.Skipped.class);
        assertThat(purge.left.get(1)).hasSize(1);
        assertThat(purge.removals).isZero();
    }

    @Test
    void keys_are_ordered_by_their_utf8_bytes_as_the_store_lists_them() {
        // U+FF5E (full-width tilde) sorts before U+1F600 (an emoji) in UTF-8, after it in UTF-16 units.
        assertThat(PurgeProgress.above("EMAIL#\uD83D\uDE00", "EMAIL#\uFF5E")).isTrue();
        assertThat(PurgeProgress.above("EMAIL#\uFF5E", "EMAIL#\uD83D\uDE00")).isFalse();
        assertThat(PurgeProgress.above("A", "")).isTrue();
    }
}
