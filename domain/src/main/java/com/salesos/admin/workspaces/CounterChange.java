package com.salesos.admin.workspaces;

import com.salesos.admin.access.BuiltInRoles;
import com.salesos.admin.seats.Seats;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * One change to a workspace's counters (seats in use, active users, pending invitations, active
 * Admins) and the guards that must hold for it to commit. The store applies the whole change at
 * once, in the same transaction as the user or invitation change it counts, so the invariants hold
 * under concurrent requests too:
 * <ul>
 *   <li>{@link Guard#SEAT_LIMIT}: a seat is taken only while seats in use are below the limit;</li>
 *   <li>{@link Guard#ADMIN_QUORUM}: an active Admin leaves only while another one stays.</li>
 * </ul>
 * Immutable: every step returns a new change.
 */
public record CounterChange(Map<Counter, Long> deltas, Set<Guard> guards) {

    /** The counters a workspace keeps. Seats in use are active users plus pending invitations. */
    public enum Counter { SEATS_USED, ACTIVE_USERS, PENDING_INVITATIONS, ACTIVE_ADMINS }

    /** A rule the counters must satisfy before the change, or it is refused. */
    public enum Guard {
        /** The seat limit: taking a seat needs a free one. */
        SEAT_LIMIT,
        /** The last-Admin quorum: a workspace always keeps at least one active Admin. */
        ADMIN_QUORUM;

        /** Whether the guard lets the change through, given the counters before it. */
        public boolean holds(Seats seats, long activeAdmins) {
            return switch (this) {
                case SEAT_LIMIT -> seats.used() < seats.limit();
                case ADMIN_QUORUM -> activeAdmins > 1;
            };
        }
    }

    /** Why a guarded change was refused, judged from the counters read after the refusal. */
    public enum Refusal {
        NO_FREE_SEAT, LAST_ADMIN,
        /** The counters moved between the refusal and the read; the caller may simply retry. */
        RACE
    }

    public CounterChange {
        EnumMap<Counter, Long> effective = new EnumMap<>(Counter.class);
        // A counter that moves up and down in one change (a role change Admin to Admin) does not move.
        deltas.forEach((counter, delta) -> {
            if (delta != 0) {
                effective.put(counter, delta);
            }
        });
        deltas = Collections.unmodifiableMap(effective);
        guards = guards.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(Guard.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(guards));
    }

    /** A change that moves nothing yet. */
    public static CounterChange none() {
        return new CounterChange(Map.of(), Set.of());
    }

    /** A new invitation holds a seat until it is accepted or revoked. */
    public CounterChange takeSeatForInvitation() {
        return move(Counter.SEATS_USED, 1).move(Counter.PENDING_INVITATIONS, 1).guardedBy(Guard.SEAT_LIMIT);
    }

    /** A user becoming active (reactivation, provisioning) takes a seat. */
    public CounterChange takeSeatForUser() {
        return move(Counter.SEATS_USED, 1).move(Counter.ACTIVE_USERS, 1).guardedBy(Guard.SEAT_LIMIT);
    }

    public CounterChange releaseInvitationSeat() {
        return move(Counter.SEATS_USED, -1).move(Counter.PENDING_INVITATIONS, -1);
    }

    public CounterChange releaseUserSeat() {
        return move(Counter.SEATS_USED, -1).move(Counter.ACTIVE_USERS, -1);
    }

    /** Accepting an invitation: its seat becomes the user's seat, seats in use stay the same. */
    public CounterChange convertInvitationToUser() {
        return move(Counter.PENDING_INVITATIONS, -1).move(Counter.ACTIVE_USERS, 1);
    }

    /** An active user now holds {@code roleId}: counts one more Admin if it is the Admin role. */
    public CounterChange gainAdminIf(String roleId) {
        return isAdmin(roleId) ? move(Counter.ACTIVE_ADMINS, 1) : this;
    }

    /** An active user no longer holds {@code roleId}: if it is the Admin role, another Admin must stay. */
    public CounterChange loseAdminIf(String roleId) {
        return isAdmin(roleId) ? move(Counter.ACTIVE_ADMINS, -1).guardedBy(Guard.ADMIN_QUORUM) : this;
    }

    /** Nothing moves (for example a role change between non-Admin roles): the store writes nothing. */
    public boolean isEmpty() {
        return deltas.isEmpty();
    }

    /**
     * Which guard refused, given the counters as they are now: the first guard of this change that
     * no longer holds, or {@link Refusal#RACE} when every guard holds again.
     */
    public Refusal refusal(Seats seats, long activeAdmins) {
        if (guards.contains(Guard.SEAT_LIMIT) && !Guard.SEAT_LIMIT.holds(seats, activeAdmins)) {
            return Refusal.NO_FREE_SEAT;
        }
        if (guards.contains(Guard.ADMIN_QUORUM) && !Guard.ADMIN_QUORUM.holds(seats, activeAdmins)) {
            return Refusal.LAST_ADMIN;
        }
        return Refusal.RACE;
    }

    private CounterChange move(Counter counter, long delta) {
        Map<Counter, Long> next = new EnumMap<>(Counter.class);
        next.putAll(deltas);
        next.merge(counter, delta, Long::sum);
        return new CounterChange(next, guards);
    }

    private CounterChange guardedBy(Guard guard) {
        Set<Guard> next = EnumSet.of(guard);
        next.addAll(guards);
        return new CounterChange(deltas, next);
    }

    private static boolean isAdmin(String roleId) {
        return BuiltInRoles.ADMIN.id().equals(roleId);
    }
}
