package com.salesos.admin.badges;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

/** Port: where badge images are kept (a private bucket in AWS). */
public interface BadgeImages {

    UploadGrant grantUpload(String workspaceId, String badgeId, String contentType, long contentLength);

    /**
     * A short-lived link that serves the image as {@code contentType} (the type its upload was signed
     * for) and as an attachment: opened on its own, the file is downloaded, not rendered, so script
     * in an SVG never runs on the storage's origin. An {@code <img>} still shows it.
     */
    URI downloadLink(String workspaceId, String badgeId, String contentType);

    /** A pre-signed upload: PUT the image to {@code url} with exactly these headers before {@code expiresAt}. */
    record UploadGrant(URI url, String method, Map<String, String> headers, Instant expiresAt) {
    }
}
