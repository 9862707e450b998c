package com.salesos.admin.support;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Where a workspace's purge got to, saved before each page is removed: the step it is in, the
 * last key of that step already counted (its watermark), the counts so far, and a version that
 * every save advances, so that of two runs of the same deletion only one can save and go on.
 * <p>
 * Each step lists what remains in key order, and a page is counted before it is removed, so a run
 * that crashed after counting and before removing finds that page again at the front of the
 * listing, below the watermark: it removes it without counting it twice, and counts what lies
 * above. The counts are therefore exact whatever crashed where.
 *
 * @param watermark "" before anything of the step was counted
 */
public record PurgeProgress(int step, String watermark, long version, PurgeCounts counts) {

    public static PurgeProgress start() {
        return new PurgeProgress(0, "", 0, PurgeCounts.NONE);
    }

    /** The next step, nothing of it counted yet. */
    public PurgeProgress nextStep() {
        return new PurgeProgress(step + 1, "", version + 1, counts);
    }

    /**
     * The progress once this page (in key order) is counted: entries above the watermark add their
     * counts and the watermark moves to the page's last key. The same progress when the page holds
     * nothing above the watermark (a page counted by a run that did not get to remove it).
     */
    public PurgeProgress counting(List<WorkspacePurge.Entry> page) {
        PurgeCounts fresh = PurgeCounts.NONE;
        String highest = watermark;
        for (WorkspacePurge.Entry entry : page) {
            if (above(entry.key(), watermark)) {
                fresh = fresh.plus(entry.counts());
            }
            if (above(entry.key(), highest)) {
                highest = entry.key();
            }
        }
        return highest.equals(watermark) ? this : new PurgeProgress(step, highest, version + 1, counts.plus(fresh));
    }

    /**
     * Key order as DynamoDB and S3 list keys: by their UTF-8 bytes, unsigned (Java's
     * {@link String#compareTo} orders UTF-16 units, which differs beyond the Basic Multilingual Plane).
     */
    static boolean above(String key, String watermark) {
        return watermark.isEmpty() || Arrays.compareUnsigned(key.getBytes(StandardCharsets.UTF_8),
                watermark.getBytes(StandardCharsets.UTF_8)) > 0;
    }
}
