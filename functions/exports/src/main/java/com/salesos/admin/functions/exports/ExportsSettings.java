package com.salesos.admin.functions.exports;

import com.salesos.admin.config.FunctionSettings;
import com.salesos.admin.config.SettingsReader;
import com.salesos.admin.config.SharedSettings;
import java.util.List;

/**
 * What the exports function reads: the table (shared), the queue that wakes the worker, and the
 * bucket whose finished exports it signs download links for.
 */
public record ExportsSettings(SharedSettings shared, String exportQueueUrl, String exportsBucket)
        implements FunctionSettings {

    public static final String EXPORT_QUEUE_URL = "EXPORT_QUEUE_URL";
    public static final String EXPORTS_BUCKET = "EXPORTS_BUCKET";

    public static final List<String> VARIABLES = SharedSettings.plus(EXPORT_QUEUE_URL, EXPORTS_BUCKET);

    public static ExportsSettings fromEnvironment() {
        return SettingsReader.read(ExportsSettings.class.getSimpleName(), VARIABLES, values -> new ExportsSettings(
                SharedSettings.from(values), values.text(EXPORT_QUEUE_URL), values.text(EXPORTS_BUCKET)));
    }
}
