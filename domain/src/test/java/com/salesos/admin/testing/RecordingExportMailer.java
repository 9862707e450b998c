package com.salesos.admin.testing;

import com.salesos.admin.exports.ExportJob;
import com.salesos.admin.common.MailNotSent;
import com.salesos.admin.exports.ExportMailer;
import java.util.ArrayList;
import java.util.List;

/** The emails a requester got: "ready" or "failed" with the job id; {@link #down} makes sending fail. */
public final class RecordingExportMailer implements ExportMailer {

    private final List<String> sent = new ArrayList<>();
    public boolean down;

    @Override
    public void ready(ExportJob job) {
        send("ready " + job.id());
    }

    @Override
    public void failed(ExportJob job, String reason) {
        send("failed " + job.id());
    }

    public List<String> sent() {
        return List.copyOf(sent);
    }

    private void send(String email) {
        if (down) {
            throw new MailNotSent("mail provider refused", null);
        }
        sent.add(email);
    }
}
