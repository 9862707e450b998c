package com.salesos.admin.invites;

import java.util.Comparator;
import java.util.List;

/**
 * The answer to a bulk file: every row's outcome in file order, and how many invitation emails
 * were handed to the invitation queue (they are sent by the sender, not in the request).
 * {@code replayed}: an earlier request with the same Idempotency-Key had already invited these.
 */
public record BulkReport(List<RowOutcome> rows, int emailsQueued, boolean replayed) {

    public BulkReport {
        rows = rows.stream().sorted(Comparator.comparingInt(RowOutcome::row)).toList();
    }

    public int invited() {
        return (int) rows.stream().filter(RowOutcome::invited).count();
    }

    public int rejected() {
        return rows.size() - invited();
    }
}
