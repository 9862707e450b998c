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

    /** This job as it is once it succeeded with {@code result}: its email claimed, its checkpoint gone. */
    public ExportJob succeeded(ExportResult result, Instant at) {
        return new ExportJob(id, workspaceId, requestedBy, requesterEmail, requesterName, entities, ExportStatus.SUCCEEDED,
                result.counts(), Optional.of(result), Optional.empty(), createdAt, Optional.of(at), Optional.empty(), Notice.SENDING);
    }

    /** This job as it is once it failed for {@code reason}: its email claimed, its checkpoint gone. */
    public ExportJob failed(String reason, Instant at) {
        return new ExportJob(id, workspaceId, requestedBy, requesterEmail, requesterName, entities, ExportStatus.FAILED,
                progress, Optional.empty(), Optional.of(reason), createdAt, Optional.of(at), Optional.empty(), Notice.SENDING);
    }

    /** The name the downloaded file gets. */
    public String fileName() {
        return "salesos-export-" + id + ".zip";
    }
}
