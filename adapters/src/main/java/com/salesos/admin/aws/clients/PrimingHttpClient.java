package com.salesos.admin.aws.clients;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * The one HTTP client every SDK client shares. It builds the real client (URLConnection) on first
 * use, which loads the JDK's TLS trust store, so a handler that makes no AWS call never pays for it.
 *
 * <p>While {@link #offline} runs on a thread, requests from that thread never leave the process:
 * each is answered with {@code 200 {}}, which every JSON protocol we call reads as an empty result
 * (no item, no page, a write that took effect). The SnapStart priming uses it to run the whole SDK
 * path (marshalling, endpoint rules, signing, retries, metrics, unmarshalling) before the snapshot
 * without touching AWS: nothing it does can write, send or charge anything.
 */
public final class PrimingHttpClient implements SdkHttpClient {

    private static final ThreadLocal<Boolean> OFFLINE = ThreadLocal.withInitial(() -> Boolean.FALSE);
    private static final byte[] EMPTY_JSON = "{}".getBytes(StandardCharsets.UTF_8);

    private final Supplier<SdkHttpClient> build;
    private volatile SdkHttpClient delegate;

    public PrimingHttpClient(Supplier<SdkHttpClient> build) {
        this.build = build;
    }

    /** Runs {@code work} with this thread's AWS calls answered locally (see the class comment). */
    public static void offline(Runnable work) {
        boolean was = OFFLINE.get();
        OFFLINE.set(Boolean.TRUE);
        try {
            work.run();
        } finally {
            OFFLINE.set(was);
        }
    }

    /** Whether this thread's AWS calls are being answered locally. */
    public static boolean isOffline() {
        return OFFLINE.get();
    }

    /** The real client, built now if it was not yet. */
    public SdkHttpClient real() {
        SdkHttpClient client = delegate;
        if (client == null) {
            synchronized (this) {
                client = delegate;
                if (client == null) {
                    client = build.get();
                    delegate = client;
                }
            }
        }
        return client;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        if (!OFFLINE.get()) {
            return real().prepareRequest(request);
        }
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                request.contentStreamProvider().ifPresent(body -> drain(body.newStream()));
                return HttpExecuteResponse.builder()
                        .response(SdkHttpResponse.builder().statusCode(200)
                                .putHeader("Content-Type", "application/x-amz-json-1.0")
                                .putHeader("Content-Length", Integer.toString(EMPTY_JSON.length))
                                .putHeader("x-amzn-RequestId", "priming").build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(EMPTY_JSON)))
                        .build();
            }

            @Override
            public void abort() {
            }
        };
    }

    private static void drain(java.io.InputStream body) {
        try (body) {
            body.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public String clientName() {
        return "UrlConnection";
    }

    @Override
    public void close() {
        Optional.ofNullable(delegate).ifPresent(SdkHttpClient::close);
    }
}
