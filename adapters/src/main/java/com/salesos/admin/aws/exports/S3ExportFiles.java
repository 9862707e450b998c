package com.salesos.admin.aws.exports;

import com.salesos.admin.exports.ExportCheckpoint;
import com.salesos.admin.exports.ExportFiles;
import java.io.ByteArrayInputStream;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The export bucket. Zips go up as multipart uploads, so an object exists only once complete (a
 * failed export leaves no partial file, and the lifecycle rule drops abandoned uploads).
 */
public final class S3ExportFiles implements ExportFiles {

    private final S3Client s3;
    private final String bucket;

    public S3ExportFiles(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public String startUpload(String key) {
        return s3.createMultipartUpload(r -> r.bucket(bucket).key(key).contentType("application/zip")).uploadId();
    }

    @Override
    public String uploadPart(String key, String uploadId, int partNumber, byte[] bytes, int length) {
        return s3.uploadPart(r -> r.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber)
                .contentLength((long) length),
                // No copy of the part: the SDK opens a fresh stream over the buffer for each attempt.
                RequestBody.fromContentProvider(() -> new ByteArrayInputStream(bytes, 0, length), length,
                        "application/octet-stream")).eTag();
    }

    @Override
    public void complete(String key, String uploadId, List<ExportCheckpoint.UploadedPart> parts) {
        try {
            s3.completeMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts.stream()
                            .map(p -> CompletedPart.builder().partNumber(p.number()).eTag(p.etag()).build()).toList())));
        } catch (NoSuchUploadException alreadyCompleted) {
            // A retry after a crash that followed the completion: the object must be there.
            try {
                s3.headObject(r -> r.bucket(bucket).key(key));
            } catch (NoSuchKeyException missing) {
                throw alreadyCompleted;
            }
        }
    }

    @Override
    public void abort(String key, String uploadId) {
        try {
            s3.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId));
        } catch (S3Exception goneOrRefused) {
            // Best effort: the bucket's lifecycle rule aborts abandoned uploads anyway.
        }
    }
}
