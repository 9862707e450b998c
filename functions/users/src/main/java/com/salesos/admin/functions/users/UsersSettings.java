package com.salesos.admin.functions.users;

import com.salesos.admin.config.FunctionSettings;
import com.salesos.admin.config.SettingsReader;
import com.salesos.admin.config.SharedSettings;
import java.util.List;

/**
 * What the users function reads: the table (shared), the user pool whose sign-in it turns off and
 * on, and the queue that wakes the worker for large deal reassignments.
 */
public record UsersSettings(SharedSettings shared, String userPoolId, String reassignmentQueueUrl) implements FunctionSettings {

    public static final String USER_POOL_ID = "USER_POOL_ID";
    public static final String REASSIGNMENT_QUEUE_URL = "REASSIGNMENT_QUEUE_URL";

    public static final List<String> VARIABLES = SharedSettings.plus(USER_POOL_ID, REASSIGNMENT_QUEUE_URL);

    public static UsersSettings fromEnvironment() {
        return SettingsReader.read(UsersSettings.class.getSimpleName(), VARIABLES,
                values -> new UsersSettings(SharedSettings.from(values), values.text(USER_POOL_ID),
                        values.text(REASSIGNMENT_QUEUE_URL)));
    }
}
