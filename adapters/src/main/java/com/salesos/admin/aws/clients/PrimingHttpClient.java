package com.salesos.admin.aws.clients;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.zip.CRC32;
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
 * each is answered with a {@code 200} whose body its {@link PrimingAnswers} give: a realistic
 * response for the calls of a success path the priming runs, {@code {}} for the rest, which every
 * JSON protocol we call reads as an empty result (no item, no page, a write that took effect). The
 * SnapStart priming uses it to run the whole SDK path (marshalling, endpoint rules, signing,
 * retries, metrics, unmarshalling) before the snapshot without touching AWS: nothing it does can
 * write, send, read or charge anything.
 */
public final class PrimingHttpClient implements SdkHttpClient {

    /** The answers of this thread's offline calls; null while calls go to AWS. */
    private static final ThreadLocal<PrimingAnswers> OFFLINE = new ThreadLocal<>();

    private final Supplier<SdkHttpClient> build;
    private volatile SdkHttpClient delegate;

    public PrimingHttpClient(Supplier<SdkHttpClient> build) {
        this.build = build;
    }

    /** Runs {@code work} with this thread's AWS calls answered {@code {}} locally (see the class comment). */
    public static void offline(Runnable work) {
        offline(PrimingAnswers.none(), work);
    }

    /** Runs {@code work} with this thread's AWS calls answered locally from {@code answers}. */
    public static void offline(PrimingAnswers answers, Runnable work) {
        PrimingAnswers was = OFFLINE.get();
        OFFLINE.set(answers);
        try {
            work.run();
        } finally {
            if (was == null) {
                OFFLINE.remove();
            } else {
                OFFLINE.set(was);
            }
        }
    }

    /** Whether this thread's AWS calls are being answered locally, i.e. whether the priming is running. */
    public static boolean isOffline() {
        return OFFLINE.get() != null;
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
        PrimingAnswers answers = OFFLINE.get();
        if (answers == null) {
            return real().prepareRequest(request);
        }
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                String body = request.contentStreamProvider().map(content -> read(content.newStream())).orElse("");
                Optional<String> target = request.httpRequest().firstMatchingHeader("X-Amz-Target");
                byte[] answer = answers.answer(request.httpRequest(), body).getBytes(StandardCharsets.UTF_8);
                SdkHttpResponse.Builder response = SdkHttpResponse.builder().statusCode(200)
                        .putHeader("Content-Type", target.isPresent() ? "application/x-amz-json-1.0" : "application/json")
                        .putHeader("Content-Length", Integer.toString(answer.length))
                        .putHeader("x-amzn-RequestId", "priming");
                if (target.filter(t -> t.startsWith("DynamoDB_")).isPresent()) {
                    // DynamoDB signs every answer with the CRC32 of its body, which the client checks.
                    CRC32 crc = new CRC32();
                    crc.update(answer);
                    response.putHeader("x-amz-crc32", Long.toString(crc.getValue()));
                }
                return HttpExecuteResponse.builder()
                        .response(response.build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(answer)))
                        .build();
            }

            @Override
            public void abort() {
            }
        };
    }

    private static String read(java.io.InputStream body) {
        try (body) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
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
