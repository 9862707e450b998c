package com.salesos.admin.exports;

import java.util.List;

/** Port: the export bucket. The zip is written as a multipart upload and only appears when completed. */
public interface ExportFiles {

    /** @return the upload id */
    String startUpload(String key);

    /** @return the part's ETag */
    String uploadPart(String key, String uploadId, int partNumber, byte[] bytes, int length);

    /** Completes the upload; answers normally if this upload already completed (a retry). */
    void complete(String key, String uploadId, List<ExportCheckpoint.UploadedPart> parts);

    /** Best effort: drops an unfinished upload and its parts. */
    void abort(String key, String uploadId);
}
