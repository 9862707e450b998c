package com.salesos.admin.testing;

import com.salesos.admin.seats.SeatAccount;
import com.salesos.admin.seats.Seats;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The workspace counters the stores move together with the user, invitation or plan they count,
 * with the same guards the table's conditional writes apply: taking a seat needs
 * {@code used < limit}; an active Admin may leave only while another one stays.
 * A store asks {@link #change} and writes nothing of its own when it answers a refusal.
 */
public final class InMemorySeats implements SeatAccount {

    /** Why a counter change was refused, as the store reads it back after a cancelled transaction. */
    public enum Refusal {
        NONE, NO_FREE_SEAT, LAST_ADMIN
    }

    static final class Counters {
        long seatLimit;
        long planSeatLimit;
        long active;
        long pending;
        long admins;
        Optional<Seats.LoweredLimit> lowered = Optional.empty();
    }

    private final Map<String, Counters> workspaces = new HashMap<>();

    /** A workspace whose plan allows {@code seatLimit} seats, with nobody in it yet. */
    public void open(String workspaceId, long seatLimit) {
        Counters counters = new Counters();
        counters.seatLimit = seatLimit;
        counters.planSeatLimit = seatLimit;
        workspaces.put(workspaceId, counters);
    }

    @Override
    public Seats read(String workspaceId) {
        Counters c = counters(workspaceId);
        return new Seats(c.seatLimit, c.active, c.pending, c.lowered);
    }

    public long activeAdmins(String workspaceId) {
        return counters(workspaceId).admins;
    }

    /**
     * Applies the deltas at once if the guards hold: a positive seat delta needs a free seat; a
     * negative admin delta needs an active Admin to stay.
     */
    public Refusal change(String workspaceId, long activeDelta, long pendingDelta, long adminDelta) {
        Counters c = counters(workspaceId);
        boolean takesSeat = activeDelta + pendingDelta > 0;
        if (takesSeat && c.active + c.pending >= c.seatLimit) {
            return Refusal.NO_FREE_SEAT;
        }
        if (adminDelta < 0 && c.admins + adminDelta < 1) {
            return Refusal.LAST_ADMIN;
        }
        c.active += activeDelta;
        c.pending += pendingDelta;
        c.admins += adminDelta;
        return Refusal.NONE;
    }

    /** A pending invitation takes a seat (what an invite does); false when none is free. */
    public boolean takeSeatForInvitation(String workspaceId) {
        return change(workspaceId, 0, 1, 0) == Refusal.NONE;
    }

    /** Revoking a pending invitation frees its seat. */
    public void releaseInvitationSeat(String workspaceId) {
        change(workspaceId, 0, -1, 0);
    }

    /** The plan store's side: the effective limit and the plan's own limit. */
    void limits(String workspaceId, long seatLimit, long planSeatLimit, Optional<Seats.LoweredLimit> lowered) {
        Counters c = counters(workspaceId);
        c.seatLimit = seatLimit;
        c.planSeatLimit = planSeatLimit;
        c.lowered = lowered;
    }

    long planSeatLimit(String workspaceId) {
        return counters(workspaceId).planSeatLimit;
    }

    private Counters counters(String workspaceId) {
        Counters counters = workspaces.get(workspaceId);
        if (counters == null) {
            throw new IllegalStateException("workspace " + workspaceId + " was not opened");
        }
        return counters;
    }
}
