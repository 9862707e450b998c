package com.salesos.admin.config;

import com.salesos.admin.aws.clients.AwsEndpoints;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything the functions read from their environment, in one place. In Lambda the values are
 * environment variables set by template.yaml; the local server and tests may set JVM system
 * properties of the same names, which win. A test checks that the template sets every variable
 * listed in {@link #REQUIRED}.
 */
public record RuntimeSettings(String tableName, String senderAddress, String appUrl, String userPoolId,
                              AwsEndpoints aws) {

    public static final String TABLE_NAME = "TABLE_NAME";
    public static final String SENDER_ADDRESS = "SENDER_ADDRESS";
    public static final String APP_URL = "APP_URL";
    public static final String USER_POOL_ID = "USER_POOL_ID";

    /** Variables the template must set for every function (AWS_REGION comes from Lambda). */
    public static final List<String> REQUIRED = List.of(TABLE_NAME, SENDER_ADDRESS, APP_URL, USER_POOL_ID);

    /** A function-specific setting (system property first, then environment); fails if missing. */
    public static String required(String name) {
        String value = lookup(name);
        if (isBlank(value)) {
            throw new IllegalStateException("Missing configuration: " + name);
        }
        return value;
    }

    public static RuntimeSettings fromEnvironment() {
        return from(RuntimeSettings::lookup);
    }

    public static RuntimeSettings from(Function<String, String> lookup) {
        List<String> missing = REQUIRED.stream().filter(n -> isBlank(lookup.apply(n))).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Missing configuration: " + String.join(", ", missing));
        }
        return new RuntimeSettings(lookup.apply(TABLE_NAME), lookup.apply(SENDER_ADDRESS),
                stripTrailingSlash(lookup.apply(APP_URL)), lookup.apply(USER_POOL_ID), AwsEndpoints.from(lookup));
    }

    private static String lookup(String name) {
        return Optional.ofNullable(System.getProperty(name)).orElseGet(() -> System.getenv(name));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
