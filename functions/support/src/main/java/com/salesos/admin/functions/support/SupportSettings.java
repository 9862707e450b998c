package com.salesos.admin.functions.support;

import com.salesos.admin.config.FunctionSettings;
import com.salesos.admin.config.SettingsReader;
import com.salesos.admin.config.SharedSettings;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What the support function reads: the table (shared); the SES sender and the frontend's URL, for
 * the first Admin's invitation email (sent by the same invitation use case as the invites
 * function) and the deletion notices to Admins; the user pool the invitation use case is built on;
 * the queue that starts a deletion in the background, and how long a confirmed deletion waits.
 */
public record SupportSettings(SharedSettings shared, String senderAddress, String appUrl, String userPoolId,
                              String deletionQueueUrl, java.time.Duration deletionWaitingPeriod)
        implements FunctionSettings {

    public static final String SENDER_ADDRESS = "SENDER_ADDRESS";
    /** The admin frontend's base URL; the invitation link points there, never at the API. */
    public static final String APP_URL = "APP_URL";
    public static final String USER_POOL_ID = "USER_POOL_ID";
    public static final String DELETION_QUEUE_URL = "DELETION_QUEUE_URL";
    /** Hours between an Admin's confirmation and the earliest execution (template parameter, default 72). */
    public static final String DELETION_WAITING_HOURS = "DELETION_WAITING_HOURS";

    public static final List<String> VARIABLES = SharedSettings.plus(SENDER_ADDRESS, APP_URL, USER_POOL_ID,
            DELETION_QUEUE_URL, DELETION_WAITING_HOURS);

    public static SupportSettings fromEnvironment() {
        return read(SettingsReader.SYSTEM);
    }

    static SupportSettings read(UnaryOperator<String> lookup) {
        return SettingsReader.read(SupportSettings.class.getSimpleName(), VARIABLES, lookup, values -> new SupportSettings(
                SharedSettings.from(values), values.text(SENDER_ADDRESS), values.baseUrl(APP_URL), values.text(USER_POOL_ID),
                values.text(DELETION_QUEUE_URL), java.time.Duration.ofHours(values.positiveInt(DELETION_WAITING_HOURS))));
    }
}
