package com.salesos.admin.config;

import com.salesos.admin.aws.clients.AwsEndpoints;
import java.util.List;

/**
 * What the shared wiring ({@code AdminBeans}) reads, and so every function: the table. Each
 * function's settings record composes this one, so that a function's record names everything that
 * function reads.
 *
 * <p>Not declared here, because template.yaml must not set them: {@code AWS_REGION} (set by the
 * Lambda runtime; reserved) and {@code AWS_ENDPOINT_URL}/{@code AWS_ENDPOINT_URL_<SERVICE>} (set
 * only by the emulator, bin/local and the tests, to point the clients at moto), read by
 * {@link AwsEndpoints}; and {@link #READ_BY_THE_JVM}, which the template sets for the JVM itself.
 */
public record SharedSettings(String tableName, AwsEndpoints aws) {

    public static final String TABLE_NAME = "TABLE_NAME";

    public static final List<String> VARIABLES = List.of(TABLE_NAME);

    /** Set by template.yaml, read by the JVM at launch rather than by our code (tiered compilation, GC). */
    public static final List<String> READ_BY_THE_JVM = List.of("JAVA_TOOL_OPTIONS");

    /** Reads the shared part from a function's values (the function's VARIABLES include {@link #VARIABLES}). */
    public static SharedSettings from(SettingsReader.Values values) {
        return new SharedSettings(values.text(TABLE_NAME), AwsEndpoints.from(SettingsReader.SYSTEM));
    }

    /** The shared part alone, for a context or a tool that hosts no function (benchmarks). */
    public static SharedSettings fromEnvironment() {
        return SettingsReader.read("the shared wiring", VARIABLES, SharedSettings::from);
    }

    /** This record's variables followed by a function's own. */
    public static List<String> plus(String... own) {
        return SettingsReader.concat(VARIABLES, own);
    }
}
