package com.salesos.admin.exports;

import com.salesos.admin.common.MailNotSent;

/** Port: tells the requester that the export is ready (a link to the frontend's export page) or failed. */
public interface ExportMailer {

    /** @throws MailNotSent when the mail provider refused or could not be reached */
    void ready(ExportJob job);

    /** @throws MailNotSent when the mail provider refused or could not be reached */
    void failed(ExportJob job, String reason);
}
