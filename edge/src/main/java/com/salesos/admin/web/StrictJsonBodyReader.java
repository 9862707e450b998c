package com.salesos.admin.web;

import io.micronaut.core.annotation.Order;
import io.micronaut.core.io.buffer.ByteBuffer;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.Headers;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.body.MessageBodyReader;
import io.micronaut.http.codec.CodecException;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;

/**
 * Binds every JSON body of our own forms through {@link StrictJson} first (Netty locally, the
 * API Gateway proxy in Lambda: both ask the body handler registry, which tries this reader before
 * Micronaut's lenient one). Bodies of other types are left to Micronaut.
 */
@Singleton
@Order(-100)
@Consumes(MediaType.APPLICATION_JSON)
public final class StrictJsonBodyReader<T> implements MessageBodyReader<T> {

    private static final String OUR_PACKAGE = "com.salesos.admin.";

    private final JsonMapper json;

    public StrictJsonBodyReader(JsonMapper json) {
        this.json = json;
    }

    @Override
    public boolean isReadable(Argument<T> type, MediaType mediaType) {
        return type.getType().getName().startsWith(OUR_PACKAGE);
    }

    @Override
    public T read(Argument<T> type, MediaType mediaType, Headers headers, ByteBuffer<?> body) throws CodecException {
        return bind(type, body.toByteArray());
    }

    @Override
    public T read(Argument<T> type, MediaType mediaType, Headers headers, InputStream body) throws CodecException {
        try {
            // One byte past the limit is enough to know the body is too large.
            return bind(type, body.readNBytes(StrictJson.MAX_BODY_BYTES + 1));
        } catch (IOException e) {
            throw new CodecException("The request body could not be read", e);
        }
    }

    private T bind(Argument<T> type, byte[] bytes) {
        StrictJson.check(bytes, type);
        try {
            return json.readValue(bytes, type);
        } catch (IOException e) {
            throw new CodecException("The request body could not be bound", e);
        }
    }
}
