package com.salesos.admin.workspaces;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.seats.Seats;
import com.salesos.admin.workspaces.CounterChange.Counter;
import com.salesos.admin.workspaces.CounterChange.Guard;
import com.salesos.admin.workspaces.CounterChange.Refusal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The seat limit and the last-Admin quorum, as the counter changes carry them. */
class CounterChangeTest {

    @Test
    void inviting_takes_a_seat_guarded_by_the_seat_limit() {
        CounterChange change = CounterChange.none().takeSeatForInvitation();
        assertThat(change.deltas()).isEqualTo(Map.of(Counter.SEATS_USED, 1L, Counter.PENDING_INVITATIONS, 1L));
        assertThat(change.guards()).containsExactly(Guard.SEAT_LIMIT);
    }

    @Test
    void deactivating_an_admin_frees_a_seat_and_is_guarded_by_the_admin_quorum_not_the_seat_limit() {
        CounterChange change = CounterChange.none().releaseUserSeat().loseAdminIf("admin");
        assertThat(change.deltas()).isEqualTo(Map.of(Counter.SEATS_USED, -1L, Counter.ACTIVE_USERS, -1L,
                Counter.ACTIVE_ADMINS, -1L));
        assertThat(change.guards()).containsExactly(Guard.ADMIN_QUORUM);
    }

    @Test
    void accepting_converts_the_pending_seat_so_seats_used_does_not_move_and_nothing_is_guarded() {
        CounterChange change = CounterChange.none().convertInvitationToUser();
        assertThat(change.deltas()).doesNotContainKey(Counter.SEATS_USED)
                .containsEntry(Counter.PENDING_INVITATIONS, -1L).containsEntry(Counter.ACTIVE_USERS, 1L);
        assertThat(change.guards()).isEmpty();
    }

    @Test
    void a_role_change_between_non_admin_roles_moves_no_counter() {
        assertThat(CounterChange.none().loseAdminIf("manager").gainAdminIf("sales-rep").isEmpty()).isTrue();
    }

    @Test
    void a_role_change_from_admin_to_admin_cancels_out() {
        assertThat(CounterChange.none().loseAdminIf("admin").gainAdminIf("admin").isEmpty()).isTrue();
    }

    @Test
    void changes_are_values_each_step_leaves_the_original_as_it_was() {
        CounterChange none = CounterChange.none();
        none.takeSeatForUser();
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.guards()).isEmpty();
    }

    @Test
    void the_seat_limit_holds_only_while_a_seat_is_free() {
        assertThat(Guard.SEAT_LIMIT.holds(new Seats(5, 3, 1), 1)).isTrue();
        assertThat(Guard.SEAT_LIMIT.holds(new Seats(5, 4, 1), 1)).isFalse();
        // A downgrade can leave more seats in use than the limit: still no free seat.
        assertThat(Guard.SEAT_LIMIT.holds(new Seats(3, 5, 0), 1)).isFalse();
    }

    @Test
    void the_admin_quorum_holds_only_while_another_admin_stays() {
        assertThat(Guard.ADMIN_QUORUM.holds(new Seats(5, 2, 0), 2)).isTrue();
        assertThat(Guard.ADMIN_QUORUM.holds(new Seats(5, 2, 0), 1)).isFalse();
    }

    @Test
    void a_refusal_is_explained_by_the_guard_whose_condition_no_longer_holds() {
        assertThat(CounterChange.none().takeSeatForUser().refusal(new Seats(5, 4, 1), 2)).isEqualTo(Refusal.NO_FREE_SEAT);
        assertThat(CounterChange.none().loseAdminIf("admin").refusal(new Seats(5, 1, 0), 1)).isEqualTo(Refusal.LAST_ADMIN);
    }

    @Test
    void a_refusal_no_guard_explains_any_more_was_a_race() {
        assertThat(CounterChange.none().loseAdminIf("admin").refusal(new Seats(5, 3, 0), 2)).isEqualTo(Refusal.RACE);
        assertThat(CounterChange.none().takeSeatForUser().refusal(new Seats(5, 3, 0), 2)).isEqualTo(Refusal.RACE);
    }

    @Test
    void a_guard_the_change_does_not_carry_never_explains_its_refusal() {
        // Full seats do not explain the refusal of an Admin leaving: that change takes no seat.
        assertThat(CounterChange.none().releaseUserSeat().loseAdminIf("admin").refusal(new Seats(2, 2, 0), 2))
                .isEqualTo(Refusal.RACE);
    }
}
