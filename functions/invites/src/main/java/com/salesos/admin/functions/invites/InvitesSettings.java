package com.salesos.admin.functions.invites;

import com.salesos.admin.config.FunctionSettings;
import com.salesos.admin.config.SettingsReader;
import com.salesos.admin.config.SharedSettings;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What the invites function reads: the table (shared), the SES sender and the frontend's URL for
 * the invitation email's link, the user pool in which an accept opens the account, and the queue
 * that carries bulk invitations' emails to the invitation sender.
 */
public record InvitesSettings(SharedSettings shared, String senderAddress, String appUrl, String userPoolId,
                              String invitationQueueUrl)
        implements FunctionSettings {

    public static final String SENDER_ADDRESS = "SENDER_ADDRESS";
    /** The admin frontend's base URL; the accept link points there, never at the API. */
    public static final String APP_URL = "APP_URL";
    public static final String USER_POOL_ID = "USER_POOL_ID";
    public static final String INVITATION_QUEUE_URL = "INVITATION_QUEUE_URL";

    public static final List<String> VARIABLES = SharedSettings.plus(SENDER_ADDRESS, APP_URL, USER_POOL_ID, INVITATION_QUEUE_URL);

    public static InvitesSettings fromEnvironment() {
        return read(SettingsReader.SYSTEM);
    }

    static InvitesSettings read(UnaryOperator<String> lookup) {
        return SettingsReader.read(InvitesSettings.class.getSimpleName(), VARIABLES, lookup, values -> new InvitesSettings(
                SharedSettings.from(values), values.text(SENDER_ADDRESS), values.baseUrl(APP_URL), values.text(USER_POOL_ID),
                values.text(INVITATION_QUEUE_URL)));
    }
}
