package com.salesos.admin.aws.workspaces;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.seats.Seats;
import org.junit.jupiter.api.Test;

/** The single workspace-counter step: which counters move and which guards it carries. */
class CounterChangeTest {

    @Test
    void taking_a_seat_is_guarded_by_the_limit_and_moves_seats_used_with_the_right_counter() {
        var step = CounterChange.of().takeSeatForInvitation().toStep("t", "ws").orElseThrow().update();
        assertThat(step.updateExpression()).contains("seatsUsed :seatsUsed", "pendingInvitations :pendingInvitations");
        assertThat(step.conditionExpression()).contains("seatsUsed < seatLimit");
        assertThat(step.expressionAttributeValues().get(":seatsUsed").n()).isEqualTo("1");
    }

    @Test
    void deactivating_an_admin_frees_a_seat_and_may_not_remove_the_last_admin_in_the_same_update() {
        var step = CounterChange.of().releaseUserSeat().loseAdminIf("admin").toStep("t", "ws").orElseThrow().update();
        assertThat(step.updateExpression()).contains("activeAdmins :activeAdmins", "seatsUsed :seatsUsed", "activeUsers :activeUsers");
        assertThat(step.conditionExpression()).contains("activeAdmins > :one").doesNotContain("seatLimit");
        assertThat(step.expressionAttributeValues().get(":seatsUsed").n()).isEqualTo("-1");
    }

    @Test
    void accepting_converts_the_pending_seat_so_seats_used_does_not_move() {
        var step = CounterChange.of().convertInvitationToUser().toStep("t", "ws").orElseThrow().update();
        assertThat(step.updateExpression()).doesNotContain("seatsUsed");
        assertThat(step.conditionExpression()).isEqualTo("attribute_exists(pk)");
    }

    @Test
    void a_role_change_between_non_admin_roles_moves_no_counter() {
        assertThat(CounterChange.of().loseAdminIf("manager").gainAdminIf("sales-rep").toStep("t", "ws")).isEmpty();
    }

    @Test
    void a_refusal_is_explained_by_the_guard_whose_condition_no_longer_holds() {
        assertThat(CounterChange.of().takeSeatForUser().explain(new Seats(5, 4, 1), 2))
                .isEqualTo(CounterChange.Refusal.NO_FREE_SEAT);
        assertThat(CounterChange.of().loseAdminIf("admin").explain(new Seats(5, 1, 0), 1))
                .isEqualTo(CounterChange.Refusal.LAST_ADMIN);
        assertThat(CounterChange.of().loseAdminIf("admin").explain(new Seats(5, 3, 0), 2))
                .isEqualTo(CounterChange.Refusal.RACE);
    }
}
