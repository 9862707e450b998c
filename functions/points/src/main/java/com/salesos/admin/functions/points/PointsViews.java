package com.salesos.admin.functions.points;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.salesos.admin.points.PointSettings;
import com.salesos.admin.points.PointsLedger.Entry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** JSON shapes of the points routes (API.md). */
final class PointsViews {

    private PointsViews() {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SettingsView(int version, Instant effectiveFrom, Map<String, Integer> pointsByActivityType,
                        BigDecimal valueBonusMultiplier) {
        static SettingsView of(PointSettings settings) {
            Map<String, Integer> points = new TreeMap<>();
            settings.pointsByActivityType().forEach((type, value) -> points.put(type.name(), value));
            return new SettingsView(settings.version(), settings.effectiveFrom(), points, settings.valueBonusMultiplier());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record History(List<SettingsView> items) {
    }

    @Serdeable
    record SettingsForm(@Nullable Map<String, Integer> pointsByActivityType, @Nullable BigDecimal valueBonusMultiplier) {
    }

    @Serdeable
    record ValueForm(@Nullable Long amount, @Nullable String currency) {
    }

    @Serdeable
    record ActivityForm(@Nullable String id, @Nullable String userId, @Nullable String type,
                        @Nullable Instant occurredAt, @Nullable ValueForm value, @Nullable String dealId) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record EntryView(String activityId, String userId, @Nullable String type, @Nullable String badgeId,
                     Instant occurredAt, int settingsVersion, long base, long bonus, long total, @Nullable String dealId,
                     Instant recordedAt) {
        static EntryView of(Entry entry) {
            return new EntryView(entry.activityId(), entry.userId(), entry.type() == null ? null : entry.type().name(),
                    entry.badgeId(), entry.occurredAt(), entry.settingsVersion(), entry.base(), entry.bonus(),
                    entry.total(), entry.dealId(), entry.recordedAt());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Scored(EntryView points, long userTotal, List<String> badgesAwarded) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record UserPoints(long total, List<EntryView> items, @Nullable String nextCursor) {
    }
}
