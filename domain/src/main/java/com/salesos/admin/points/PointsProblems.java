package com.salesos.admin.points;

import com.salesos.admin.problems.DomainException;
import com.salesos.admin.problems.ProblemKind;
import java.util.List;
import java.util.Map;

/** The refusals of the point settings and the ledger, each built here once with its one wording. */
public final class PointsProblems {

    private PointsProblems() {
    }

    /** A settings change came without naming the version it was made from. */
    public static DomainException versionRequired() {
        return new DomainException(ProblemKind.PRECONDITION_REQUIRED, "if-match-required", "If-Match required",
                "Send If-Match with the version you changed (the ETag of GET /v1/gamification/point-settings)");
    }

    /** The change was made from a version that is no longer the current one. */
    public static DomainException settingsChanged(PointSettings current) {
        return new DomainException(ProblemKind.PRECONDITION_FAILED, "settings-changed", "Settings changed meanwhile",
                "The point settings are now at version " + current.version() + "; reload them and apply your change again",
                List.of(), Map.of("currentVersion", current.version()));
    }

    public static DomainException totalCeiling(long activityPoints, long userTotal) {
        return new DomainException(ProblemKind.INVALID_INPUT, "points-total-ceiling", "Points total at its ceiling",
                "This activity's " + activityPoints + " points would take the user's total past "
                        + PointLimits.MAX_TOTAL + "; nothing was booked",
                List.of(), Map.of("userTotal", userTotal, "maxTotal", PointLimits.MAX_TOTAL));
    }
}
