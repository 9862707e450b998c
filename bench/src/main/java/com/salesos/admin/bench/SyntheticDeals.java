package com.salesos.admin.bench;

import com.salesos.admin.exports.ExportEntity;
import com.salesos.admin.exports.ExportRecords;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A workspace of {@code count} generated deals (about 120 bytes of CSV each, some with commas,
 * quotes and non-ASCII), served in pages of {@link #PAGE} like DynamoDB's 1 MB pages. Stands in
 * for the table only in the benchmark, where reading a million items from the emulator would
 * measure the emulator rather than the export pipeline.
 */
final class SyntheticDeals implements ExportRecords {

    static final int PAGE = 5_000;
    private static final String[] WORDS = {"Globex", "Initech", "Umbrella", "Hooli", "Acme", "Stark", "Wayne", "Tyrell",
            "Cyberdyne", "Soylent", "Müller & Söhne", "Vandelay, \"Industries\"", "Pied Piper", "Massive Dynamic"};
    private static final String[] STAGES = {"qualification", "proposal", "negotiation", "won", "lost"};

    private final int count;

    SyntheticDeals(int count) {
        this.count = count;
    }

    @Override
    public RecordPage page(String workspaceId, ExportEntity entity, Optional<String> after) {
        if (entity != ExportEntity.DEALS) {
            return new RecordPage(List.of(), true);
        }
        int start = after.map(p -> Integer.parseInt(p.substring("DEAL#d".length())) + 1).orElse(0);
        int end = Math.min(count, start + PAGE);
        List<ExportRecord> records = new ArrayList<>(end - start);
        for (int i = start; i < end; i++) {
            String id = String.format("d%08d", i);
            records.add(new ExportRecord("DEAL#" + id, List.of(id,
                    WORDS[i % WORDS.length] + " " + WORDS[(i / 7) % WORDS.length] + " renewal " + (i % 97),
                    STAGES[i % STAGES.length], Long.toString((i * 7919L) % 10_000_000), "EUR",
                    "usr_" + Integer.toHexString(i % 50 + 1000), "2026-11-" + (10 + i % 18) + "T0" + (i % 10) + ":15:00Z")));
        }
        return new RecordPage(records, end >= count);
    }
}
