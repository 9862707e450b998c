package com.salesos.admin.exports;

import java.time.Instant;
import java.util.Map;

/** What a finished export produced: records per entity, the zip's size and SHA-256, where it is and until when. */
public record ExportResult(Map<ExportEntity, Long> counts, long sizeBytes, String sha256, String objectKey,
                           Instant expiresAt) {

    public ExportResult {
        counts = Map.copyOf(counts);
    }
}
