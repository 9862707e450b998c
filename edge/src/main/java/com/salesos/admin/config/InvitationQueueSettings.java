package com.salesos.admin.config;

/**
 * The settings template.yaml gives the invites function and the invitation sender on top of the
 * shared ones (read with {@link RuntimeSettings#required}); a contract test checks the template sets
 * each for the functions that read it.
 */
public final class InvitationQueueSettings {

    /** Both: the queue that carries one message per bulk invitation email. */
    public static final String INVITATION_QUEUE_URL = "INVITATION_QUEUE_URL";
    /** Sender: messages from this queue mean "give up: mark the email failed". */
    public static final String DEAD_LETTER_QUEUE_ARN = "INVITATION_DEAD_LETTER_QUEUE_ARN";
    /** Sender: emails per second one sender instance sends at most (its share of the SES account's send rate). */
    public static final String SENDS_PER_SECOND = "INVITATION_SENDS_PER_SECOND";

    private InvitationQueueSettings() {
    }
}
