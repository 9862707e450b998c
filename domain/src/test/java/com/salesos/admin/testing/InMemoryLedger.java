package com.salesos.admin.testing;

import com.salesos.admin.common.Page;
import com.salesos.admin.common.PageRequest;
import com.salesos.admin.points.ActivityType;
import com.salesos.admin.points.PointLimits;
import com.salesos.admin.points.PointsLedger;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The points ledger with the table's conditions: one entry per activity id, and no booking that
 * would take a user's total past {@link PointLimits#MAX_TOTAL}; a refused booking writes nothing.
 */
public final class InMemoryLedger implements PointsLedger {

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Map<String, Long> totals = new HashMap<>();

    @Override
    public Booking record(Entry entry) {
        String id = entry.workspaceId() + "#" + entry.activityId();
        Entry first = entries.get(id);
        if (first != null) {
            return new Booking.AlreadyBooked(first);
        }
        long total = total(entry.workspaceId(), entry.userId());
        if (total + entry.total() > PointLimits.MAX_TOTAL) {
            return new Booking.OverCeiling(total);
        }
        entries.put(id, entry);
        totals.put(entry.workspaceId() + "#" + entry.userId(), total + entry.total());
        return new Booking.Booked(entry);
    }

    /** A badge's reward, booked once per user and badge under the same ceiling; false if refused. */
    public boolean bookReward(String workspaceId, String userId, String badgeId, long reward, Instant at) {
        Entry entry = new Entry(workspaceId, "badge#" + userId + "#" + badgeId, userId, null, badgeId, at, null, null, null,
                0, reward, 0, at);
        return record(entry) instanceof Booking.Booked;
    }

    /** A total as if earned long ago, to reach the ceiling without 10^6 bookings. */
    public void seedTotal(String workspaceId, String userId, long total) {
        totals.put(workspaceId + "#" + userId, total);
    }

    @Override
    public long total(String workspaceId, String userId) {
        return totals.getOrDefault(workspaceId + "#" + userId, 0L);
    }

    @Override
    public Standing standing(String workspaceId, String userId) {
        Map<ActivityType, Long> counts = new EnumMap<>(ActivityType.class);
        userEntries(workspaceId, userId).stream().filter(e -> e.type() != null)
                .forEach(e -> counts.merge(e.type(), 1L, Long::sum));
        return new Standing(total(workspaceId, userId), counts);
    }

    @Override
    public Page<Entry> entries(String workspaceId, String userId, PageRequest page) {
        return Pages.of(userEntries(workspaceId, userId), page);
    }

    private List<Entry> userEntries(String workspaceId, String userId) {
        return entries.values().stream()
                .filter(e -> e.workspaceId().equals(workspaceId) && e.userId().equals(userId)).toList();
    }
}
