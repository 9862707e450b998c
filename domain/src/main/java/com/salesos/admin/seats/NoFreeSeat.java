package com.salesos.admin.seats;

import com.salesos.admin.problems.DomainException;
import com.salesos.admin.problems.ProblemKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one refusal for a seat that is not there (an invitation, a reactivation, a bulk file), with
 * the way out that fits: while a downgrade is pending the plan already shows the higher tier, so
 * "upgrade the plan" would mislead; cancelling the downgrade is what gives the seats back.
 */
public final class NoFreeSeat {

    private NoFreeSeat() {
    }

    public static DomainException refusal(Seats seats, long seatsMissing) {
        String counts = " (" + seats.active() + " active users, " + seats.pending() + " pending invitations)";
        // A file may need more seats than are free while some still are: say both numbers then.
        String inUse = seats.available() == 0
                ? "All " + seats.limit() + " seats are in use" + counts
                : (seats.available() + seatsMissing) + " seats are needed but only " + seats.available() + " of "
                        + seats.limit() + " are free" + counts + ", so " + seatsMissing + " are missing";
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("seatsMissing", seatsMissing);
        extensions.put("seats", Map.of("limit", seats.limit(), "used", seats.used()));
        String detail;
        if (seats.lowered().isPresent()) {
            Seats.LoweredLimit lowered = seats.lowered().get();
            detail = inUse + ": a downgrade to " + lowered.tier() + " is pending (effective " + lowered.effectiveAt()
                    + ") and already limits the workspace to " + seats.limit() + " seats; cancel the pending downgrade"
                    + " to get the current plan's seats back, or deactivate a user or revoke an invitation";
            extensions.put("pendingDowngrade", Map.of("tier", lowered.tier(), "effectiveAt", lowered.effectiveAt().toString()));
        } else {
            detail = inUse + "; deactivate a user, revoke an invitation or upgrade the plan";
        }
        return new DomainException(ProblemKind.CONFLICT, "seats-exhausted", "No free seat", detail, List.of(), extensions);
    }
}
