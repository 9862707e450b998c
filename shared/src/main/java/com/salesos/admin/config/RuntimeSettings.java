package com.salesos.admin.config;

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
                              String region, Optional<String> endpointUrl, java.util.Map<String, String> serviceEndpoints) {

    public static final String TABLE_NAME = "TABLE_NAME";
    public static final String SENDER_ADDRESS = "SENDER_ADDRESS";
    public static final String APP_URL = "APP_URL";
    public static final String USER_POOL_ID = "USER_POOL_ID";
    /** Set by the Lambda runtime itself. */
    public static final String AWS_REGION = "AWS_REGION";
    /** Optional: points every AWS client at an emulator (moto, LocalStack, Floci). */
    public static final String AWS_ENDPOINT_URL = "AWS_ENDPOINT_URL";

    /**
     * Optional per-service endpoints, named as the AWS SDKs name them (AWS_ENDPOINT_URL_&lt;SERVICE&gt;);
     * they win over AWS_ENDPOINT_URL for that one service.
     */
    public static final List<String> SERVICE_IDS = List.of("DYNAMODB", "SESV2", "COGNITO_IDENTITY_PROVIDER", "KMS", "S3", "SQS");

    /** Variables the template must set for every function (AWS_REGION comes from Lambda). */
    public static final List<String> REQUIRED = List.of(TABLE_NAME, SENDER_ADDRESS, APP_URL, USER_POOL_ID);

    /** A function-specific setting (system property first, then environment); fails if missing. */
    public static String required(String name) {
        String value = Optional.ofNullable(System.getProperty(name)).orElseGet(() -> System.getenv(name));
        if (isBlank(value)) {
            throw new IllegalStateException("Missing configuration: " + name);
        }
        return value;
    }

    public static RuntimeSettings fromEnvironment() {
        return from(name -> Optional.ofNullable(System.getProperty(name)).orElseGet(() -> System.getenv(name)));
    }

    public static RuntimeSettings from(Function<String, String> lookup) {
        List<String> missing = REQUIRED.stream().filter(n -> isBlank(lookup.apply(n))).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Missing configuration: " + String.join(", ", missing));
        }
        String region = isBlank(lookup.apply(AWS_REGION)) ? "us-east-1" : lookup.apply(AWS_REGION);
        java.util.Map<String, String> serviceEndpoints = new java.util.HashMap<>();
        SERVICE_IDS.forEach(id -> Optional.ofNullable(lookup.apply(AWS_ENDPOINT_URL + "_" + id))
                .filter(v -> !v.isBlank()).ifPresent(url -> serviceEndpoints.put(id, url)));
        return new RuntimeSettings(lookup.apply(TABLE_NAME), lookup.apply(SENDER_ADDRESS),
                stripTrailingSlash(lookup.apply(APP_URL)), lookup.apply(USER_POOL_ID), region,
                Optional.ofNullable(lookup.apply(AWS_ENDPOINT_URL)).filter(v -> !v.isBlank()),
                java.util.Map.copyOf(serviceEndpoints));
    }

    /** The endpoint for one service (see {@link #SERVICE_IDS}), if any override applies. */
    public Optional<String> endpointFor(String serviceId) {
        return Optional.ofNullable(serviceEndpoints.get(serviceId)).or(() -> endpointUrl);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
