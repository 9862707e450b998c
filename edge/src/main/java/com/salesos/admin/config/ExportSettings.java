package com.salesos.admin.config;

/**
 * The settings template.yaml gives the export functions on top of the shared ones (read with
 * {@link RuntimeSettings#required}); a contract test checks the template sets each for the
 * functions that read it.
 */
public final class ExportSettings {

    /** Both functions: the queue that wakes the worker (requests, continuations). */
    public static final String EXPORT_QUEUE_URL = "EXPORT_QUEUE_URL";
    /** Both functions: the private bucket that holds finished exports. */
    public static final String EXPORTS_BUCKET = "EXPORTS_BUCKET";
    /** Worker: messages from this queue mean "give up". */
    public static final String DEAD_LETTER_QUEUE_ARN = "EXPORT_DEAD_LETTER_QUEUE_ARN";
    /** Worker: multipart part size in bytes (S3's minimum is 5 MiB); one part is held in memory. */
    public static final String PART_SIZE_BYTES = "EXPORT_PART_SIZE_BYTES";

    private ExportSettings() {
    }
}
