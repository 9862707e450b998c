package com.salesos.admin.functions.invites;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.salesos.admin.invites.BulkReport;
import com.salesos.admin.invites.RowOutcome;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** API.md's bulk report: every row's outcome, the counts, and how many emails went to the queue. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record BulkReportView(List<Row> rows, int invited, int rejected, int emailsQueued, boolean replayed) {

    /** {@code code} is a stable slug for the first reason (e.g. {@code email-taken}); {@code reason} says them all. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Row(int row, String email, String outcome, @Nullable String code, @Nullable String reason) {
    }

    static BulkReportView of(BulkReport report) {
        return new BulkReportView(report.rows().stream().map(BulkReportView::row).toList(), report.invited(),
                report.rejected(), report.emailsQueued(), report.replayed());
    }

    private static Row row(RowOutcome outcome) {
        return new Row(outcome.row(), outcome.email(), outcome.invited() ? "invited" : "rejected", outcome.code(),
                outcome.reason());
    }
}
