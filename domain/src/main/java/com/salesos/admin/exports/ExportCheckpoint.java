package com.salesos.admin.exports;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything an export needs to carry on in another invocation, saved on the job after every
 * uploaded part: the multipart upload and its parts, which entity and record come next, the
 * records written so far, the zip's state and the running SHA-256. {@code sealed} is set once the
 * last part is up, so that a retry only has to complete the upload.
 */
public record ExportCheckpoint(String objectKey, String uploadId, List<UploadedPart> parts, int entityIndex,
                               Optional<String> after, Map<ExportEntity, Long> counts, ArchiveState archive,
                               ResumableSha256.State sha256, Optional<ExportResult> sealed) {

    public ExportCheckpoint {
        parts = List.copyOf(parts);
        counts = Map.copyOf(counts);
    }

    /** One uploaded part of the multipart upload. */
    public record UploadedPart(int number, String etag) {
    }
}
