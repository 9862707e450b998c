package com.salesos.admin.functions.points;

import com.salesos.admin.badges.BadgeImages;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Badge images in the private badges bucket under {@code badges/<workspace>/<badge>}. Uploads and
 * downloads go through short-lived pre-signed URLs; the upload URL signs the content type and
 * length, so S3 refuses any other file.
 */
final class S3BadgeImages implements BadgeImages {

    static final Duration UPLOAD_VALIDITY = Duration.ofMinutes(5);
    static final Duration DOWNLOAD_VALIDITY = Duration.ofMinutes(5);

    private final S3Presigner presigner;
    private final String bucket;

    S3BadgeImages(S3Presigner presigner, String bucket) {
        this.presigner = presigner;
        this.bucket = bucket;
    }

    @Override
    public UploadGrant grantUpload(String workspaceId, String badgeId, String contentType, long contentLength) {
        var presigned = presigner.presignPutObject(r -> r.signatureDuration(UPLOAD_VALIDITY)
                .putObjectRequest(p -> p.bucket(bucket).key(key(workspaceId, badgeId))
                        .contentType(contentType).contentLength(contentLength)));
        return new UploadGrant(URI.create(presigned.url().toString()), "PUT",
                Map.of("Content-Type", contentType, "Content-Length", Long.toString(contentLength)),
                presigned.expiration());
    }

    @Override
    public URI downloadLink(String workspaceId, String badgeId, String contentType) {
        // The response overrides are signed into the URL: S3 answers with exactly these headers.
        return URI.create(presigner.presignGetObject(r -> r.signatureDuration(DOWNLOAD_VALIDITY)
                .getObjectRequest(g -> g.bucket(bucket).key(key(workspaceId, badgeId))
                        .responseContentType(contentType)
                        .responseContentDisposition(ATTACHMENT))).url().toString());
    }

    /** Served as a download when opened directly: an SVG's script never runs on the bucket's origin. */
    static final String ATTACHMENT = "attachment; filename=\"badge\"";

    private static String key(String workspaceId, String badgeId) {
        return "badges/" + workspaceId + "/" + badgeId;
    }

}
