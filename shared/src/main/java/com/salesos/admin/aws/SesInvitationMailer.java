package com.salesos.admin.aws;

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
        String subject = email.invitedBy() + " invited you to " + email.workspaceName() + " on SalesOS";
        String text = "Hello " + email.inviteeName() + ",\n\n"
                + email.invitedBy() + " invited you to join " + email.workspaceName() + " on SalesOS.\n\n"
                + "Accept the invitation and choose your password here:\n" + link + "\n\n"
                + "The link works once and expires on " + DAY.format(email.expiresAt()) + " (UTC).\n";
        try {
            emails.send(email.to().value(), subject, text);
        } catch (SdkException e) {
            throw new MailNotSent("SES did not accept the invitation email: " + e.getClass().getSimpleName(), e);
        }
    }
}
