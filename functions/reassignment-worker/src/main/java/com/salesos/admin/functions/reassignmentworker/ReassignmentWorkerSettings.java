package com.salesos.admin.functions.reassignmentworker;

import com.salesos.admin.config.FunctionSettings;
import com.salesos.admin.config.SettingsReader;
import com.salesos.admin.config.SharedSettings;
import java.util.List;

/**
 * What the reassignment worker reads: the table (shared), the queue it wakes itself through, the
 * dead-letter queue whose messages mean "give up", and the pace (deals moved per second per job).
 */
public record ReassignmentWorkerSettings(SharedSettings shared, String queueUrl, String deadLetterQueueArn,
                                         int dealsPerSecond) implements FunctionSettings {

    public static final String REASSIGNMENT_QUEUE_URL = "REASSIGNMENT_QUEUE_URL";
    public static final String REASSIGNMENT_DEAD_LETTER_QUEUE_ARN = "REASSIGNMENT_DEAD_LETTER_QUEUE_ARN";
    /** The most deals one job moves per second: its share of the workspace partition's write capacity. */
    public static final String REASSIGNMENT_DEALS_PER_SECOND = "REASSIGNMENT_DEALS_PER_SECOND";

    public static final List<String> VARIABLES = SharedSettings.plus(REASSIGNMENT_QUEUE_URL,
            REASSIGNMENT_DEAD_LETTER_QUEUE_ARN, REASSIGNMENT_DEALS_PER_SECOND);

    public static ReassignmentWorkerSettings fromEnvironment() {
        return SettingsReader.read(ReassignmentWorkerSettings.class.getSimpleName(), VARIABLES,
                values -> new ReassignmentWorkerSettings(SharedSettings.from(values), values.text(REASSIGNMENT_QUEUE_URL),
                        values.text(REASSIGNMENT_DEAD_LETTER_QUEUE_ARN), values.positiveInt(REASSIGNMENT_DEALS_PER_SECOND)));
    }
}
