package com.salesos.admin.aws.exports;

import com.salesos.admin.exports.ExportDownloads;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Pre-signed GETs on the export bucket, valid for {@link #LINK_VALIDITY}, saving the file under its export name. */
public final class S3ExportDownloads implements ExportDownloads {

    public static final Duration LINK_VALIDITY = Duration.ofMinutes(5);

    private final S3Presigner presigner;
    private final String bucket;

    public S3ExportDownloads(S3Presigner presigner, String bucket) {
        this.presigner = presigner;
        this.bucket = bucket;
    }

    @Override
    public URI downloadLink(String key, String fileName) {
        return URI.create(presigner.presignGetObject(r -> r.signatureDuration(LINK_VALIDITY)
                .getObjectRequest(g -> g.bucket(bucket).key(key)
                        .responseContentType("application/zip")
                        .responseContentDisposition("attachment; filename=\"" + fileName + "\"")))
                .url().toString());
    }
}
