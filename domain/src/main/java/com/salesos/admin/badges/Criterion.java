package com.salesos.admin.badges;

import com.salesos.admin.points.ActivityType;
import com.salesos.admin.points.PointsLedger.Standing;

/** What a user must reach to earn a badge; checked by machine. */
public sealed interface Criterion {

    boolean isMetBy(Standing standing);

    /** At least {@code atLeast} activities of a type. */
    record ActivityCount(ActivityType type, long atLeast) implements Criterion {
        public boolean isMetBy(Standing standing) {
            return standing.count(type) >= atLeast;
        }
    }

    /** A points total of at least {@code atLeast}. */
    record PointsTotal(long atLeast) implements Criterion {
        public boolean isMetBy(Standing standing) {
            return standing.total() >= atLeast;
        }
    }
}
