package com.salesos.admin.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salesos.admin.problems.DomainException;
import com.salesos.admin.problems.ProblemKind;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The deletion request's state machine: which step may follow which, refused in one place. */
class DeletionRequestTest {

    static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    static final Duration WAIT = Duration.ofHours(72);

    final DeletionRequest open = DeletionRequest.open("del_1", "ws-1", "SUP-1", "customer left", "support:s1", T0);

    @Test
    void open_then_confirmed_then_executed_after_the_wait_then_done() {
        DeletionRequest confirmed = open.confirmedBy("usr_admin", T0.plusSeconds(60), WAIT);
        DeletionRequest running = confirmed.executedBy("support:s2", "ws-1", T0.plusSeconds(60).plus(WAIT));
        DeletionRequest done = running.finished(T0.plus(Duration.ofDays(4)), new PurgeCounts(3, 2, 1, 40));

        assertThat(confirmed.state()).isEqualTo(new DeletionState.Confirmed("usr_admin", T0.plusSeconds(60),
                T0.plusSeconds(60).plus(WAIT)));
        assertThat(running.state()).isInstanceOf(DeletionState.Running.class);
        assertThat(done.state()).as("the tombstone: who confirmed and executed, when, and how much went").isEqualTo(
                new DeletionState.Done("usr_admin", T0.plusSeconds(60), "support:s2", T0.plusSeconds(60).plus(WAIT),
                        T0.plus(Duration.ofDays(4)), new PurgeCounts(3, 2, 1, 40)));
        assertThat(done.openedBy()).isEqualTo("support:s1");
        assertThat(done.ticket()).isEqualTo("SUP-1");
        assertThat(done.isLive()).isFalse();
    }

    @Test
    void the_workspace_is_read_only_exactly_while_the_deletion_is_confirmed_or_running() {
        DeletionRequest confirmed = open.confirmedBy("usr_admin", T0, WAIT);
        DeletionRequest running = confirmed.executedBy("support:s1", "ws-1", T0.plus(WAIT));

        assertThat(open.locksWorkspace()).isFalse();
        assertThat(confirmed.locksWorkspace()).isTrue();
        assertThat(running.locksWorkspace()).isTrue();
        assertThat(running.finished(T0.plus(WAIT), PurgeCounts.NONE).locksWorkspace()).isFalse();
        assertThat(confirmed.cancelledBy("usr_admin", T0).locksWorkspace()).isFalse();
    }

    @Test
    void executing_before_the_waiting_period_is_over_is_refused_saying_when_it_may() {
        DeletionRequest confirmed = open.confirmedBy("usr_admin", T0, WAIT);

        assertThatThrownBy(() -> confirmed.executedBy("support:s1", "ws-1", T0.plus(WAIT).minusSeconds(1)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type()).isEqualTo("deletion-waiting-period");
                    assertThat(e.extensions()).containsEntry(DomainException.RETRY_AFTER, 1L);
                });
    }

    @Test
    void executing_needs_the_workspace_id_restated_exactly() {
        DeletionRequest confirmed = open.confirmedBy("usr_admin", T0, WAIT);

        assertThatThrownBy(() -> confirmed.executedBy("support:s1", "ws-2", T0.plus(WAIT)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(ProblemKind.INVALID_INPUT));
    }

    @Test
    void every_step_out_of_order_is_refused() {
        DeletionRequest confirmed = open.confirmedBy("usr_admin", T0, WAIT);
        DeletionRequest running = confirmed.executedBy("support:s1", "ws-1", T0.plus(WAIT));
        DeletionRequest cancelled = open.cancelledBy("support:s1", T0);

        assertRefused(() -> open.executedBy("support:s1", "ws-1", T0.plus(WAIT)));
        assertRefused(() -> open.finished(T0, PurgeCounts.NONE));
        assertRefused(() -> confirmed.confirmedBy("usr_admin", T0, WAIT));
        assertRefused(confirmed::wrongNameTyped);
        assertRefused(() -> running.cancelledBy("usr_admin", T0));
        assertRefused(() -> running.executedBy("support:s1", "ws-1", T0.plus(WAIT)));
        assertRefused(() -> cancelled.confirmedBy("usr_admin", T0, WAIT));
        assertRefused(() -> cancelled.cancelledBy("usr_admin", T0));
        assertRefused(() -> running.finished(T0, PurgeCounts.NONE).cancelledBy("usr_admin", T0));
    }

    @Test
    void either_side_may_cancel_before_execution() {
        assertThat(open.cancelledBy("usr_admin", T0).state()).isEqualTo(new DeletionState.Cancelled("usr_admin", T0));
        assertThat(open.confirmedBy("usr_admin", T0, WAIT).cancelledBy("support:s1", T0).state().code()).isEqualTo("cancelled");
    }

    @Test
    void a_wrong_name_is_counted_and_changes_nothing_else() {
        DeletionRequest twice = open.wrongNameTyped().wrongNameTyped();

        assertThat(twice.failedConfirmations()).isEqualTo(2);
        assertThat(twice.state()).isEqualTo(open.state());
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable step) {
        assertThatThrownBy(step).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(ProblemKind.CONFLICT);
            assertThat(e.type()).isEqualTo("deletion-step-not-allowed");
        });
    }
}
