package com.salesos.admin.seats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeatsTest {

    @Test
    void seats_in_use_are_active_users_plus_pending_invitations() {
        Seats seats = new Seats(10, 6, 3);
        assertThat(seats.used()).isEqualTo(9);
        assertThat(seats.available()).isEqualTo(1);
    }

    @Test
    void available_never_goes_negative_after_a_lower_limit() {
        assertThat(new Seats(5, 6, 1).available()).isZero();
    }
}
