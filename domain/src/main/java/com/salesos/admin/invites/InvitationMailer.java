package com.salesos.admin.invites;

import com.salesos.admin.common.EmailAddress;
import com.salesos.admin.common.MailNotSent;
import java.time.Instant;

/** Port: sends the invitation email carrying the accept link. */
public interface InvitationMailer {

    /** @throws MailNotSent when the mail provider refused or could not be reached */
    void send(InvitationEmail email);

    record InvitationEmail(EmailAddress to, String inviteeName, String workspaceName, String invitedBy,
                           InvitationToken token, Instant expiresAt) {
    }
}
