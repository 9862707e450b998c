package com.salesos.admin.common;

/**
 * A mail port's one failure: the mail provider refused the message or could not be reached. Each
 * use case decides what that means for it (an invitation records the failed delivery, an export
 * retries its notice).
 */
public final class MailNotSent extends RuntimeException {

    public MailNotSent(String reason, Throwable cause) {
        super(reason, cause);
    }
}
