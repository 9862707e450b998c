package com.salesos.admin.aws.mail;

import software.amazon.awssdk.services.sesv2.SesV2Client;

/** Sends plain-text UTF-8 emails from the configured sender through SES (v2 API); what every mailer shares. */
public final class SesTextEmails {

    private final SesV2Client ses;
    private final String sender;

    public SesTextEmails(SesV2Client ses, String sender) {
        this.ses = ses;
        this.sender = sender;
    }

    /** @throws software.amazon.awssdk.core.exception.SdkException when SES refused or could not be reached */
    public void send(String to, String subject, String text) {
        ses.sendEmail(r -> r.fromEmailAddress(sender)
                .destination(d -> d.toAddresses(to))
                .content(c -> c.simple(m -> m
                        .subject(s -> s.data(subject).charset("UTF-8"))
                        .body(b -> b.text(t -> t.data(text).charset("UTF-8"))))));
    }
}
