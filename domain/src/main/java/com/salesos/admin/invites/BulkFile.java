package com.salesos.admin.invites;

import java.util.List;

/**
 * The rows of an uploaded bulk invitation file and a digest of its exact bytes: the digest is
 * what an {@code Idempotency-Key} is bound to, and the same bytes always give the same row numbers.
 */
public record BulkFile(List<BulkRow> rows, String digest) {

    /** The largest file accepted: 5,000 rows of long names and addresses fit with room to spare. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;
    /** The most data rows (the header not counted) one file may hold. */
    public static final int MAX_ROWS = 5_000;

    public BulkFile {
        rows = List.copyOf(rows);
    }
}
