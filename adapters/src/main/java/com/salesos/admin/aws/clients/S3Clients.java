package com.salesos.admin.aws.clients;

import java.net.URI;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * S3 clients for the functions that use S3, with path-style addressing when an emulator endpoint
 * is set (bucket host names do not resolve there). Kept apart from {@link AwsClients} so that
 * functions without S3 never load its classes.
 */
public final class S3Clients {

    private S3Clients() {
    }

    public static S3Presigner presigner(AwsClients clients) {
        S3Presigner.Builder builder = S3Presigner.builder()
                .region(Region.of(clients.endpoints().region()))
                .credentialsProvider(clients.credentials());
        clients.endpoints().endpointFor("S3").map(URI::create).ifPresent(endpoint -> builder.endpointOverride(endpoint)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()));
        return builder.build();
    }

    public static S3Client client(AwsClients clients) {
        S3ClientBuilder builder = clients.configure(S3Client.builder(), "S3");
        if (clients.endpoints().endpointFor("S3").isPresent()) {
            builder.forcePathStyle(true);
        }
        return builder.build();
    }
}
