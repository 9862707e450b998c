package com.salesos.admin.aws.invites;

import com.salesos.admin.aws.mail.MailText;
import com.salesos.admin.aws.mail.SesTextEmails;
import com.salesos.admin.common.MailNotSent;
import com.salesos.admin.invites.InvitationMailer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Sends invitation emails through SES (v2 API). The link goes to the admin frontend
 * ({@code <APP_URL>/accept-invitation?token=...}), never to the API. The link is never logged.
 *
 * <p>Whoever can invite can make us mail any address, so the email carries as little typed text
 * as it can: it greets the person neutrally (the invitee's name, which the inviter typed freely,
 * is not in it) and quotes the inviter's address and the workspace name only through
 * {@link MailText#inert}, so the accept link is the only link in it.
 */
public final class SesInvitationMailer implements InvitationMailer {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy").withZone(ZoneOffset.UTC);

    private final SesTextEmails emails;
    private final String appUrl;

    public SesInvitationMailer(SesV2Client ses, String sender, String appUrl) {
        this.emails = new SesTextEmails(ses, sender);
        this.appUrl = appUrl;
    }

    @Override
    public void send(InvitationEmail email) {
        String link = appUrl + "/accept-invitation?token="
                + URLEncoder.encode(email.token().value(), StandardCharsets.UTF_8);
        String invitedBy = MailText.inert(email.invitedBy());
        String workspace = MailText.inert(email.workspaceName());
        String subject = "You are invited to " + workspace + " on SalesOS";
        String text = "Hello,\n\n"
                + invitedBy + " invited you to join the workspace " + workspace + " on SalesOS.\n\n"
                + "Accept the invitation and choose your password here:\n" + link + "\n\n"
                + "The link works once and expires on " + DAY.format(email.expiresAt()) + " (UTC).\n"
                + "If you did not expect this invitation, ignore this email; nothing happens until the link is used.\n";
        try {
            emails.send(email.to().value(), subject, text);
        } catch (SdkException e) {
            throw new MailNotSent("SES did not accept the invitation email: " + e.getClass().getSimpleName(), e);
        }
    }
}
