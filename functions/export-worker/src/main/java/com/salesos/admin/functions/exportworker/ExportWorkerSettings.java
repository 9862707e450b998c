package com.salesos.admin.functions.exportworker;

import com.salesos.admin.config.FunctionSettings;
import com.salesos.admin.config.SettingsReader;
import com.salesos.admin.config.SharedSettings;
import java.util.List;

/**
 * What the export worker reads: the table (shared), the queue it wakes itself through, the
 * dead-letter queue whose messages mean "give up", the bucket it writes, the multipart part size,
 * the SES sender and frontend URL for the "ready" email, and the pace of its page reads.
 */
public record ExportWorkerSettings(SharedSettings shared, String exportQueueUrl, String deadLetterQueueArn,
                                   String exportsBucket, int partSizeBytes, String senderAddress, String appUrl,
                                   int pagesPerSecond)
        implements FunctionSettings {

    public static final String EXPORT_QUEUE_URL = "EXPORT_QUEUE_URL";
    public static final String EXPORT_DEAD_LETTER_QUEUE_ARN = "EXPORT_DEAD_LETTER_QUEUE_ARN";
    public static final String EXPORTS_BUCKET = "EXPORTS_BUCKET";
    /** Multipart part size in bytes (S3's minimum is 5 MiB); one part is held in memory. */
    public static final String EXPORT_PART_SIZE_BYTES = "EXPORT_PART_SIZE_BYTES";
    public static final String SENDER_ADDRESS = "SENDER_ADDRESS";
    /** The admin frontend's base URL; the "ready" email links to its export page, never to S3. */
    public static final String APP_URL = "APP_URL";
    /** The most table pages (up to 1 MB each) one export reads per second: its share of the partition's reads. */
    public static final String EXPORT_PAGES_PER_SECOND = "EXPORT_PAGES_PER_SECOND";

    public static final List<String> VARIABLES = SharedSettings.plus(EXPORT_QUEUE_URL, EXPORT_DEAD_LETTER_QUEUE_ARN,
            EXPORTS_BUCKET, EXPORT_PART_SIZE_BYTES, SENDER_ADDRESS, APP_URL, EXPORT_PAGES_PER_SECOND);

    public static ExportWorkerSettings fromEnvironment() {
        return SettingsReader.read(ExportWorkerSettings.class.getSimpleName(), VARIABLES, values -> new ExportWorkerSettings(
                SharedSettings.from(values), values.text(EXPORT_QUEUE_URL), values.text(EXPORT_DEAD_LETTER_QUEUE_ARN),
                values.text(EXPORTS_BUCKET), values.positiveInt(EXPORT_PART_SIZE_BYTES), values.text(SENDER_ADDRESS),
                values.baseUrl(APP_URL), values.positiveInt(EXPORT_PAGES_PER_SECOND)));
    }
}
