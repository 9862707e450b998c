package com.salesos.admin.badges;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

/** Port: where badge images are kept (a private bucket in AWS). */
public interface BadgeImages {

    UploadGrant grantUpload(String workspaceId, String badgeId, String contentType, long contentLength);

    URI downloadLink(String workspaceId, String badgeId);

    /** A pre-signed upload: PUT the image to {@code url} with exactly these headers before {@code expiresAt}. */
    record UploadGrant(URI url, String method, Map<String, String> headers, Instant expiresAt) {
    }
}
