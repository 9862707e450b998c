package com.salesos.admin.functions.deletionworker;

import com.salesos.admin.config.FunctionSettings;
import com.salesos.admin.config.SettingsReader;
import com.salesos.admin.config.SharedSettings;
import java.util.List;

/**
 * What the deletion worker reads: the table (shared), the user pool whose accounts it closes, and
 * the two buckets that hold a workspace's objects (export files, badge images).
 */
public record DeletionWorkerSettings(SharedSettings shared, String userPoolId, String exportsBucket,
                                     String badgesBucket) implements FunctionSettings {

    public static final String USER_POOL_ID = "USER_POOL_ID";
    public static final String EXPORTS_BUCKET = "EXPORTS_BUCKET";
    public static final String BADGES_BUCKET = "BADGES_BUCKET";

    public static final List<String> VARIABLES = SharedSettings.plus(USER_POOL_ID, EXPORTS_BUCKET, BADGES_BUCKET);

    public static DeletionWorkerSettings fromEnvironment() {
        return SettingsReader.read(DeletionWorkerSettings.class.getSimpleName(), VARIABLES, values -> new DeletionWorkerSettings(
                SharedSettings.from(values), values.text(USER_POOL_ID), values.text(EXPORTS_BUCKET),
                values.text(BADGES_BUCKET)));
    }
}
