package com.salesos.admin.exports;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An export of some entities of a workspace, requested by an admin and built in the background.
 * {@code progress} counts records written per entity while it runs; {@code result} is there once
 * it succeeded, {@code error} once it failed.
 */
public record ExportJob(String id, String workspaceId, String requestedBy, String requesterEmail, String requesterName,
                        List<ExportEntity> entities, ExportStatus status, Map<ExportEntity, Long> progress,
                        Optional<ExportResult> result, Optional<String> error, Instant createdAt,
                        Optional<Instant> finishedAt, Optional<ExportCheckpoint> checkpoint, Notice notice) {

    public ExportJob {
        entities = List.copyOf(entities);
        progress = Map.copyOf(progress);
    }

    public ExportRef ref() {
        return new ExportRef(workspaceId, id);
    }

    /** The name the downloaded file gets. */
    public String fileName() {
        return "salesos-export-" + id + ".zip";
    }
}
