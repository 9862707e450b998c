package com.salesos.admin.invites;

import com.salesos.admin.problems.DomainException;
import com.salesos.admin.problems.FieldError;
import com.salesos.admin.problems.ProblemKind;
import java.util.List;
import java.util.Map;

/**
 * The refusals of a bulk invitation file, each built here and nowhere else. (A file larger than
 * {@link BulkFile#MAX_BYTES} is the edge's {@code body-too-large}; seats missing are
 * {@link com.salesos.admin.seats.NoFreeSeat}'s {@code seats-exhausted}.)
 */
public final class BulkInviteProblems {

    private BulkInviteProblems() {
    }

    /** More than {@link BulkFile#MAX_ROWS} data rows: 413 with the limit, nothing read further or written. */
    public static DomainException tooManyRows() {
        return new DomainException(ProblemKind.TOO_LARGE, "too-many-rows", "Too many rows",
                "A bulk invitation file may hold at most " + BulkFile.MAX_ROWS + " data rows (plus the header);"
                        + " split the file", List.of(), Map.of("limitRows", BulkFile.MAX_ROWS));
    }

    /** The file cannot be read as the CSV we expect; {@code part} is {@code body}, {@code header} or {@code row N}. */
    public static DomainException unreadable(String part, String why) {
        return new DomainException(ProblemKind.INVALID_INPUT, "invalid-csv", "The file is not a CSV file we can read",
                part + ": " + why, List.of(new FieldError(part, why)), Map.of());
    }

    /**
     * The same file (same Idempotency-Key) is being written by a request that is still within its
     * lease; the retry can come back when the lease ends and finish whatever is left.
     */
    public static DomainException inProgress(long retryAfterSeconds) {
        return new DomainException(ProblemKind.CONFLICT, "bulk-invitation-in-progress", "File still being processed",
                "A request with this Idempotency-Key is still inviting the rows of this file; retry in "
                        + retryAfterSeconds + " seconds to get its report",
                List.of(), Map.of(DomainException.RETRY_AFTER, retryAfterSeconds));
    }

    /**
     * This request could not finish the file: it lost its lease (it stalled past it and another
     * request, or the sweep, took the file over) or the workspace kept changing under it. Nothing it
     * wrote is lost; a retry with the same key finishes the file and reports.
     */
    public static DomainException interrupted() {
        return new DomainException(ProblemKind.UNAVAILABLE, "bulk-invitation-interrupted", "File processing interrupted",
                "This request could not finish inviting the rows of the file; retry with the same Idempotency-Key"
                        + " to finish the file and get its report");
    }
}
