package com.salesos.admin.points;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * One version of a workspace's point rules. Activities are scored with the version in force when
 * they happened; a new version never changes points already given.
 * <p>
 * Score = base + bonus, where base = the points for the activity's type, and, for activities with
 * a monetary value, bonus = floor(value in major units / 1,000 x valueBonusMultiplier). A won deal
 * of EUR 25,000.00 with multiplier 2 earns floor(25 x 2) = 50 bonus points.
 */
public record PointSettings(int version, Instant effectiveFrom, Map<ActivityType, Integer> pointsByActivityType,
                            BigDecimal valueBonusMultiplier) {

    public PointSettings {
        pointsByActivityType = pointsByActivityType.isEmpty()
                ? Map.of() : Map.copyOf(new EnumMap<>(pointsByActivityType));
    }

    /** Version 0: what a workspace scores with until an admin changes anything. */
    public static PointSettings defaults() {
        Map<ActivityType, Integer> points = new EnumMap<>(ActivityType.class);
        points.put(ActivityType.LEAD_CREATED, 5);
        points.put(ActivityType.DEAL_CREATED, 10);
        points.put(ActivityType.DEAL_WON, 50);
        points.put(ActivityType.CALL_LOGGED, 2);
        points.put(ActivityType.MEETING_HELD, 5);
        points.put(ActivityType.EMAIL_SENT, 1);
        return new PointSettings(0, Instant.EPOCH, points, BigDecimal.ONE);
    }

    public Score score(ActivityType type, Long valueMinorUnits) {
        int base = pointsByActivityType.getOrDefault(type, 0);
        long bonus = 0;
        if (valueMinorUnits != null && valueMinorUnits > 0) {
            bonus = BigDecimal.valueOf(valueMinorUnits).movePointLeft(2)
                    .divide(BigDecimal.valueOf(1000))
                    .multiply(valueBonusMultiplier)
                    .setScale(0, RoundingMode.FLOOR)
                    .longValueExact();
        }
        return new Score(version, base, bonus);
    }

    /** Points of one activity: the settings version used, base and bonus. */
    public record Score(int settingsVersion, long base, long bonus) {
        public long total() {
            return base + bonus;
        }
    }
}
