package com.salesos.admin.functions.points;

import com.salesos.admin.config.FunctionSettings;
import com.salesos.admin.config.SettingsReader;
import com.salesos.admin.config.SharedSettings;
import java.util.List;

/**
 * What the points function reads: the table (shared), the KMS key that signs Open Badges
 * credentials, the private bucket of badge images, and the API's public base URL.
 */
public record PointsSettings(SharedSettings shared, String badgeSigningKeyId, String badgesBucket, String publicBaseUrl)
        implements FunctionSettings {

    public static final String BADGE_SIGNING_KEY_ID = "BADGE_SIGNING_KEY_ID";
    public static final String BADGES_BUCKET = "BADGES_BUCKET";
    /**
     * Template parameter PublicBaseUrl. Open Badges ids and the signed issuer come from it, never
     * from request headers; kept without a trailing slash.
     */
    public static final String PUBLIC_BASE_URL = "PUBLIC_BASE_URL";

    public static final List<String> VARIABLES = SharedSettings.plus(BADGE_SIGNING_KEY_ID, BADGES_BUCKET, PUBLIC_BASE_URL);

    public static PointsSettings fromEnvironment() {
        return SettingsReader.read(PointsSettings.class.getSimpleName(), VARIABLES, values -> new PointsSettings(
                SharedSettings.from(values), values.text(BADGE_SIGNING_KEY_ID), values.text(BADGES_BUCKET),
                values.baseUrl(PUBLIC_BASE_URL)));
    }
}
