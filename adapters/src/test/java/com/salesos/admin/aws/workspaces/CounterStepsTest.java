package com.salesos.admin.aws.workspaces;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.common.EmailAddress;
import com.salesos.admin.workspaces.CounterChange;
import com.salesos.admin.workspaces.EmailClaim;
import org.junit.jupiter.api.Test;

/** The domain's counter changes and email claims, written as single-table transaction steps. */
class CounterStepsTest {

    @Test
    void taking_a_seat_becomes_one_update_conditioned_on_the_limit() {
        var step = CounterSteps.step("t", "ws", CounterChange.none().takeSeatForInvitation()).orElseThrow().update();
        assertThat(step.updateExpression()).contains("seatsUsed :seatsUsed", "pendingInvitations :pendingInvitations");
        assertThat(step.conditionExpression()).isEqualTo("attribute_exists(pk) AND seatsUsed < seatLimit");
        assertThat(step.expressionAttributeValues().get(":seatsUsed").n()).isEqualTo("1");
    }

    @Test
    void an_admin_leaving_becomes_one_update_conditioned_on_another_admin() {
        var step = CounterSteps.step("t", "ws", CounterChange.none().releaseUserSeat().loseAdminIf("admin"))
                .orElseThrow().update();
        assertThat(step.updateExpression()).contains("activeAdmins :activeAdmins", "seatsUsed :seatsUsed", "activeUsers :activeUsers");
        assertThat(step.conditionExpression()).contains("activeAdmins > :one").doesNotContain("seatLimit");
        assertThat(step.expressionAttributeValues().get(":one").n()).isEqualTo("1");
        assertThat(step.expressionAttributeValues().get(":seatsUsed").n()).isEqualTo("-1");
    }

    @Test
    void an_unguarded_change_needs_only_the_workspace_item() {
        var step = CounterSteps.step("t", "ws", CounterChange.none().convertInvitationToUser()).orElseThrow().update();
        assertThat(step.updateExpression()).doesNotContain("seatsUsed");
        assertThat(step.conditionExpression()).isEqualTo("attribute_exists(pk)");
    }

    @Test
    void a_change_that_moves_nothing_writes_nothing() {
        assertThat(CounterSteps.step("t", "ws", CounterChange.none().loseAdminIf("manager").gainAdminIf("sales-rep")))
                .isEmpty();
    }

    @Test
    void each_counter_has_its_own_attribute() {
        assertThat(java.util.Arrays.stream(CounterChange.Counter.values()).map(CounterSteps::attribute).distinct())
                .hasSize(CounterChange.Counter.values().length);
    }

    @Test
    void taking_an_address_needs_the_address_item_absent_and_handing_it_on_needs_the_holder() {
        EmailAddress address = new EmailAddress("ana@example.com");
        var take = EmailGuard.step("t", "ws", new EmailClaim.Take(address,
                new EmailClaim.Holder.PendingInvitation("inv-1"))).put();
        assertThat(take.conditionExpression()).isEqualTo("attribute_not_exists(pk)");
        var transfer = EmailGuard.step("t", "ws", new EmailClaim.Transfer(address,
                new EmailClaim.Holder.PendingInvitation("inv-1"), new EmailClaim.Holder.ActiveUser("usr-1"))).update();
        assertThat(transfer.conditionExpression()).isEqualTo("holder = :from");
        assertThat(transfer.expressionAttributeValues().get(":from").s())
                .isNotEqualTo(transfer.expressionAttributeValues().get(":to").s());
    }
}
