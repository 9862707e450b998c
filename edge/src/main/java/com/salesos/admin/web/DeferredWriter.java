package com.salesos.admin.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.io.buffer.ByteBuffer;
import io.micronaut.core.io.buffer.ByteBufferFactory;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.MutableHeaders;
import io.micronaut.http.ByteBodyHttpResponse;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.body.ByteBodyFactory;
import io.micronaut.http.body.CloseableByteBody;
import io.micronaut.http.body.MessageBodyWriter;
import io.micronaut.http.body.ResponseBodyWriter;
import java.io.OutputStream;
import java.util.function.Consumer;

/**
 * A body writer whose specialised writers are made when they first write, not when they are asked
 * for (see {@link DeferredRouteWriters}).
 *
 * <p>{@link #general} hands out a writer the registry found: every call goes to that writer,
 * except {@link #createSpecific}, which returns a deferred one. A deferred one sends every call to
 * the writer {@code general.createSpecific(type)} returns, made once, on its first call.
 */
final class DeferredWriter<T> implements ResponseBodyWriter<T> {

    private final MessageBodyWriter<T> general;
    /** Null for the general writer itself. */
    private final Argument<T> type;
    /** Told of each deferred writer the general one hands out (the priming makes them all). */
    private final Consumer<DeferredWriter<?>> deferred;
    /** Made on first use; two threads racing both make an equal one, and either is kept. */
    private volatile ResponseBodyWriter<T> target;

    private DeferredWriter(MessageBodyWriter<T> general, Argument<T> type, Consumer<DeferredWriter<?>> deferred,
                           ResponseBodyWriter<T> target) {
        this.general = general;
        this.type = type;
        this.deferred = deferred;
        this.target = target;
    }

    /** The writer the registry found, as it is, with deferred specialised writers, each told to {@code deferred}. */
    static <T> DeferredWriter<T> general(MessageBodyWriter<T> writer, Consumer<DeferredWriter<?>> deferred) {
        return new DeferredWriter<>(writer, null, deferred, ResponseBodyWriter.wrap(writer));
    }

    /** Whether the writer it stands for exists yet. */
    boolean made() {
        return target != null;
    }

    /** Makes the writer it stands for now, if not yet made. */
    void make() {
        target();
    }

    private ResponseBodyWriter<T> target() {
        ResponseBodyWriter<T> made = target;
        if (made == null) {
            made = ResponseBodyWriter.wrap(general.createSpecific(type));
            target = made;
        }
        return made;
    }

    @Override
    public MessageBodyWriter<T> createSpecific(Argument<T> specificType) {
        if (type != null) {
            return target().createSpecific(specificType);
        }
        DeferredWriter<T> specific = new DeferredWriter<>(general, specificType, deferred, null);
        deferred.accept(specific);
        return specific;
    }

    @Override
    public boolean isWriteable(Argument<T> type, @Nullable MediaType mediaType) {
        return target().isWriteable(type, mediaType);
    }

    @Override
    public boolean isBlocking() {
        return target().isBlocking();
    }

    @Override
    public void writeTo(Argument<T> type, MediaType mediaType, T object, MutableHeaders outgoingHeaders,
                        OutputStream outputStream) {
        target().writeTo(type, mediaType, object, outgoingHeaders, outputStream);
    }

    @Override
    public ByteBuffer<?> writeTo(Argument<T> type, MediaType mediaType, T object, MutableHeaders outgoingHeaders,
                                 ByteBufferFactory<?, ?> bufferFactory) {
        return target().writeTo(type, mediaType, object, outgoingHeaders, bufferFactory);
    }

    @Override
    public ByteBodyHttpResponse<?> write(ByteBodyFactory bodyFactory, HttpRequest<?> request,
                                         MutableHttpResponse<T> httpResponse, Argument<T> type, MediaType mediaType, T object) {
        return target().write(bodyFactory, request, httpResponse, type, mediaType, object);
    }

    @Override
    public CloseableByteBody writePiece(ByteBodyFactory bodyFactory, HttpRequest<?> request, HttpResponse<?> response,
                                        Argument<T> type, MediaType mediaType, T object) {
        return target().writePiece(bodyFactory, request, response, type, mediaType, object);
    }
}
