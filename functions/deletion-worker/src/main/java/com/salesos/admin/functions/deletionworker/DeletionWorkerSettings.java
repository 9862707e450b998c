package com.salesos.admin.functions.deletionworker;

import com.salesos.admin.config.FunctionSettings;
import com.salesos.admin.config.SettingsReader;
import com.salesos.admin.config.SharedSettings;
import java.util.List;

/**
 * What the deletion worker reads: the table (shared), the user pool whose accounts it closes, the
 * two buckets that hold a workspace's objects (export files, badge images), and its own queue, to
 * which it hands a deletion that needs another invocation.
 */
public record DeletionWorkerSettings(SharedSettings shared, String userPoolId, String exportsBucket,
                                     String badgesBucket, String deletionQueueUrl) implements FunctionSettings {

    public static final String USER_POOL_ID = "USER_POOL_ID";
    public static final String EXPORTS_BUCKET = "EXPORTS_BUCKET";
    public static final String BADGES_BUCKET = "BADGES_BUCKET";
    public static final String DELETION_QUEUE_URL = "DELETION_QUEUE_URL";

    public static final List<String> VARIABLES = SharedSettings.plus(USER_POOL_ID, EXPORTS_BUCKET, BADGES_BUCKET,
            DELETION_QUEUE_URL);

    public static DeletionWorkerSettings fromEnvironment() {
        return SettingsReader.read(DeletionWorkerSettings.class.getSimpleName(), VARIABLES, values -> new DeletionWorkerSettings(
                SharedSettings.from(values), values.text(USER_POOL_ID), values.text(EXPORTS_BUCKET),
                values.text(BADGES_BUCKET), values.text(DELETION_QUEUE_URL)));
    }
}
