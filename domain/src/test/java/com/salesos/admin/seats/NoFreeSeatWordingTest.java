package com.salesos.admin.seats;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.problems.DomainException;
import org.junit.jupiter.api.Test;

class NoFreeSeatWordingTest {

    @Test
    void a_file_short_of_seats_is_told_how_many_it_needs_how_many_are_free_and_how_many_are_missing() {
        DomainException refusal = NoFreeSeat.refusal(new Seats(10, 4, 3), 5);

        assertThat(refusal.detail()).startsWith("8 seats are needed but only 3 of 10 are free (4 active users, 3 pending"
                + " invitations), so 5 are missing");
        assertThat(refusal.extensions()).containsEntry("seatsMissing", 5L);
    }

    @Test
    void a_single_invite_with_no_seat_left_keeps_its_wording() {
        assertThat(NoFreeSeat.refusal(new Seats(5, 3, 2), 1).detail()).startsWith("All 5 seats are in use");
    }
}
