package com.salesos.admin.points;

import com.salesos.admin.common.Page;
import com.salesos.admin.common.PageRequest;
import java.time.Instant;

/**
 * Port: scored activities. Recording writes the ledger entry and adds to the user's total in one
 * transaction, once per activity id.
 */
public interface PointsLedger {

    /**
     * Records the entry and adds it to the user's total, unless the activity id was booked before
     * or the total would pass {@link PointLimits#MAX_TOTAL}; then nothing is written.
     */
    Booking record(Entry entry);

    /** What recording an entry did. */
    sealed interface Booking {
        /** Booked now. */
        record Booked(Entry entry) implements Booking {
        }

        /** The activity id was booked before: the first booking, unchanged. */
        record AlreadyBooked(Entry entry) implements Booking {
        }

        /** Nothing written: the user's total ({@code total}) cannot take this entry without passing the ceiling. */
        record OverCeiling(long total) implements Booking {
        }
    }

    long total(String workspaceId, String userId);

    /** The user's total and how many activities of each type were booked. */
    Standing standing(String workspaceId, String userId);

    record Standing(long total, java.util.Map<ActivityType, Long> counts) {
        public long count(ActivityType type) {
            return counts.getOrDefault(type, 0L);
        }
    }

    Page<Entry> entries(String workspaceId, String userId, PageRequest page);


    /**
     * One ledger line: which activity (or, for a badge's reward, which badge: then {@code type} is
     * null and {@code badgeId} is set), which settings version, and the points it gave.
     */
    record Entry(String workspaceId, String activityId, String userId, ActivityType type, String badgeId, Instant occurredAt,
                 Long valueMinorUnits, String currency, String dealId, int settingsVersion, long base, long bonus,
                 Instant recordedAt) {
        public long total() {
            return base + bonus;
        }
    }
}
