package com.salesos.admin.aws.clients;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the AWS clients connect: the region and, against an emulator, the endpoint overrides the
 * AWS SDKs read themselves ({@code AWS_ENDPOINT_URL}, and {@code AWS_ENDPOINT_URL_<SERVICE>} for
 * one service, which wins). In Lambda the region comes from the runtime and no override is set.
 */
public record AwsEndpoints(String region, Optional<String> endpointUrl, Map<String, String> serviceEndpoints) {

    public static final String AWS_REGION = "AWS_REGION";
    public static final String AWS_ENDPOINT_URL = "AWS_ENDPOINT_URL";
    /** The services this code calls, named as the SDKs name them in AWS_ENDPOINT_URL_&lt;SERVICE&gt;. */
    public static final List<String> SERVICE_IDS = List.of("DYNAMODB", "SESV2", "COGNITO_IDENTITY_PROVIDER", "KMS", "S3", "SQS");

    public AwsEndpoints {
        serviceEndpoints = Map.copyOf(serviceEndpoints);
    }

    /** Reads the variables above through {@code lookup} (system property or environment). */
    public static AwsEndpoints from(java.util.function.Function<String, String> lookup) {
        String region = Optional.ofNullable(lookup.apply(AWS_REGION)).filter(v -> !v.isBlank()).orElse("us-east-1");
        Map<String, String> perService = new java.util.HashMap<>();
        SERVICE_IDS.forEach(id -> Optional.ofNullable(lookup.apply(AWS_ENDPOINT_URL + "_" + id))
                .filter(v -> !v.isBlank()).ifPresent(url -> perService.put(id, url)));
        return new AwsEndpoints(region, Optional.ofNullable(lookup.apply(AWS_ENDPOINT_URL)).filter(v -> !v.isBlank()),
                perService);
    }

    /** The endpoint for one service (see {@link #SERVICE_IDS}), if any override applies. */
    public Optional<String> endpointFor(String serviceId) {
        return Optional.ofNullable(serviceEndpoints.get(serviceId)).or(() -> endpointUrl);
    }
}
