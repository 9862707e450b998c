package com.salesos.admin.aws.exports;

import com.salesos.admin.aws.mail.MailText;
import com.salesos.admin.aws.mail.SesTextEmails;
import com.salesos.admin.common.MailNotSent;
import com.salesos.admin.exports.ExportEntity;
import com.salesos.admin.exports.ExportJob;
import com.salesos.admin.exports.ExportMailer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Export emails through SES (v2 API). The link goes to the admin frontend's export page
 * ({@code <APP_URL>/exports/<id>}), which downloads through the API with the admin's own
 * sign-in; the email never carries a file link or anything that grants access by itself.
 * The requester's name was typed by whoever invited them, so it is quoted through
 * {@link MailText#inert}: the export page is the only link in the email.
 */
public final class SesExportMailer implements ExportMailer {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy").withZone(ZoneOffset.UTC);

    private final SesTextEmails emails;
    private final String appUrl;

    public SesExportMailer(SesV2Client ses, String sender, String appUrl) {
        this.emails = new SesTextEmails(ses, sender);
        this.appUrl = appUrl;
    }

    @Override
    public void ready(ExportJob job) {
        var result = job.result().orElseThrow();
        String counts = job.entities().stream()
                .map(e -> e.wireName() + ": " + result.counts().getOrDefault(e, 0L))
                .collect(Collectors.joining("\n  ", "  ", ""));
        send(job, "Your SalesOS export is ready",
                greeting(job) + "The export you started is ready:\n" + counts + "\n\n"
                        + "Download it here (you will be asked to sign in):\n" + page(job) + "\n\n"
                        + "The file is kept until " + DAY.format(result.expiresAt()) + " (UTC).\n");
    }

    @Override
    public void failed(ExportJob job, String reason) {
        send(job, "Your SalesOS export failed",
                greeting(job) + "The export you started (" + job.entities().stream().map(ExportEntity::wireName)
                        .collect(Collectors.joining(", ")) + ") could not be completed.\n"
                        + "Reason: " + reason + "\n\n"
                        + "Details: " + page(job) + "\nYou can start a new export there.\n");
    }

    private static String greeting(ExportJob job) {
        return "Hello " + MailText.inert(job.requesterName()) + ",\n\n";
    }

    private String page(ExportJob job) {
        return appUrl + "/exports/" + job.id();
    }

    private void send(ExportJob job, String subject, String text) {
        try {
            emails.send(job.requesterEmail(), subject, text);
        } catch (SdkException e) {
            throw new MailNotSent("SES did not accept the export email: " + e.getClass().getSimpleName(), e);
        }
    }
}
