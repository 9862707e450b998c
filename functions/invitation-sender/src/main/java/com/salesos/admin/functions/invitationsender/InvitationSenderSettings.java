package com.salesos.admin.functions.invitationsender;

import com.salesos.admin.config.FunctionSettings;
import com.salesos.admin.config.SettingsReader;
import com.salesos.admin.config.SharedSettings;
import java.util.List;

/**
 * What the invitation sender reads: the table (shared), the SES sender and the frontend's URL for
 * the invitation link, the invitation queue it re-queues deferred emails on, the dead-letter queue
 * whose messages mean "give up: mark the email failed", and its share of the SES send rate.
 */
public record InvitationSenderSettings(SharedSettings shared, String senderAddress, String appUrl,
                                       String invitationQueueUrl, String deadLetterQueueArn, int sendsPerSecond)
        implements FunctionSettings {

    public static final String SENDER_ADDRESS = "SENDER_ADDRESS";
    /** The admin frontend's base URL; the accept link points there, never at the API. */
    public static final String APP_URL = "APP_URL";
    public static final String INVITATION_QUEUE_URL = "INVITATION_QUEUE_URL";
    public static final String INVITATION_DEAD_LETTER_QUEUE_ARN = "INVITATION_DEAD_LETTER_QUEUE_ARN";
    /** Emails per second one sender instance sends at most (its share of the SES account's send rate). */
    public static final String INVITATION_SENDS_PER_SECOND = "INVITATION_SENDS_PER_SECOND";

    public static final List<String> VARIABLES = SharedSettings.plus(SENDER_ADDRESS, APP_URL, INVITATION_QUEUE_URL,
            INVITATION_DEAD_LETTER_QUEUE_ARN, INVITATION_SENDS_PER_SECOND);

    public static InvitationSenderSettings fromEnvironment() {
        return SettingsReader.read(InvitationSenderSettings.class.getSimpleName(), VARIABLES,
                values -> new InvitationSenderSettings(SharedSettings.from(values), values.text(SENDER_ADDRESS),
                        values.baseUrl(APP_URL), values.text(INVITATION_QUEUE_URL),
                        values.text(INVITATION_DEAD_LETTER_QUEUE_ARN), values.positiveInt(INVITATION_SENDS_PER_SECOND)));
    }
}
