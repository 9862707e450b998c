package com.salesos.admin.exports;

/**
 * The requester's email about a finished job. Sending is claimed (PENDING to SENDING) with a
 * conditional write before the mail provider is called, so no two workers ever send it; a send
 * the provider refused goes back to PENDING and is retried.
 */
public enum Notice {
    NONE, PENDING, SENDING, SENT
}
