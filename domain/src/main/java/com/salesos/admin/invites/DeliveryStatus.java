package com.salesos.admin.invites;

/**
 * Whether the invitation email went out. SENDING is the state between the commit and the mail
 * provider's answer; it stays so if the process died in between, and the admin can resend.
 * QUEUED: a bulk invitation whose email waits on the invitation queue for the sender.
 */
public enum DeliveryStatus {
    QUEUED, SENDING, SENT, FAILED
}
