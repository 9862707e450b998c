package com.salesos.admin.aws.clients;

import com.salesos.admin.aws.table.Contention;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.metrics.MetricPublisher;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds the AWS SDK clients once per container: explicit region, a short credentials chain
 * (Lambda's environment variables are found first, without probing profiles or instance metadata),
 * one lightweight URLConnection HTTP client shared by all, and the endpoint override when
 * {@code AWS_ENDPOINT_URL} points at an emulator. The HTTP client (and the JDK's TLS context with
 * it) is built on the first call; the SnapStart priming builds it before the snapshot
 * ({@link #buildAll}) and runs calls offline ({@link PrimingHttpClient#offline}).
 */
public final class AwsClients implements AutoCloseable {

    private final AwsEndpoints endpoints;
    private final List<MetricPublisher> metricPublishers;
    private final PrimingHttpClient httpClient;
    private final AwsCredentialsProvider credentials;

    public AwsClients(AwsEndpoints endpoints, List<MetricPublisher> metricPublishers) {
        this.endpoints = endpoints;
        this.metricPublishers = List.copyOf(metricPublishers);
        this.httpClient = new PrimingHttpClient(() -> UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(10))
                .build());
        this.credentials = AwsCredentialsProviderChain.builder()
                .reuseLastProviderEnabled(true)
                .credentialsProviders(
                        EnvironmentVariableCredentialsProvider.create(),
                        SystemPropertyCredentialsProvider.create(),
                        // Only reached off Lambda (a developer's profile against real AWS).
                        DefaultCredentialsProvider.builder().build())
                .build();
    }

    /** The credentials the clients use, for builders that are not clients (e.g. S3's presigner). */
    public AwsCredentialsProvider credentials() {
        return credentials;
    }

    public AwsEndpoints endpoints() {
        return endpoints;
    }

    /** Retries transaction conflicts and throttling (see {@link Contention}). */
    public DynamoDbClient dynamoDb() {
        return configure(DynamoDbClient.builder(), "DYNAMODB", overrides -> overrides
                .retryStrategy(Contention.retryStrategy())).build();
    }

    /**
     * A client of {@code type} configured as {@link #configure} says:
     * {@code clients.client(SesV2Client.class, SesV2Client::builder, "SESV2")}.
     */
    public <C, B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>> C client(
            Class<C> type, java.util.function.Supplier<B> builder, String serviceId) {
        return type.cast(configure(builder.get(), serviceId).build());
    }

    /**
     * Builds the HTTP client and its TLS context now: what the SnapStart priming does before the
     * snapshot, so that a restored function builds nothing on its first call.
     */
    public void buildAll() {
        httpClient.real();
    }

    /**
     * Applies the shared region, credentials, HTTP client, metrics and endpoint to any SDK client
     * builder; {@code serviceId} selects an AWS_ENDPOINT_URL_&lt;SERVICE&gt; override. Clients other
     * than DynamoDB's are built by the wiring of the functions that call them
     * ({@code clients.configure(SesV2Client.builder(), "SESV2").build()}), so that this class names
     * no optional service module and a function ships only the modules it calls.
     */
    public <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder, String serviceId) {
        return configure(builder, serviceId, overrides -> { });
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(
            B builder, String serviceId, java.util.function.Consumer<ClientOverrideConfiguration.Builder> overrides) {
        ClientOverrideConfiguration.Builder configuration = ClientOverrideConfiguration.builder()
                .metricPublishers(metricPublishers);
        overrides.accept(configuration);
        builder.region(Region.of(endpoints.region()))
                .credentialsProvider(credentials)
                .httpClient(httpClient)
                .overrideConfiguration(configuration.build());
        endpoints.endpointFor(serviceId).map(URI::create).ifPresent(builder::endpointOverride);
        return builder;
    }

    @Override
    public void close() {
        httpClient.close();
    }
}
