package com.salesos.admin.web;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.type.Argument;
import io.micronaut.http.MediaType;
import io.micronaut.http.body.MessageBodyHandlerRegistry;
import io.micronaut.http.body.MessageBodyReader;
import io.micronaut.http.body.MessageBodyWriter;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Defers the response writer Micronaut makes for each route to the route's first response.
 *
 * <p>Micronaut's router asks the body handler registry for each route's writer while the handler is
 * constructed ({@code DefaultRouteInfo}), and for JSON the writer made for the route's type is a
 * JSON mapper specialised to it: a serializer and a deserializer for every view the function can
 * return, with their annotation and introspection work, though a cold start writes one response.
 * This wraps the context's registry so that the writers it hands out make their specialised writer
 * on first use ({@link DeferredWriter}): a cold start makes only those its request writes. A warm
 * response through its route's writer pays one field read more; one the registry is asked a writer
 * for (a body of another type than the route's) one map lookup more. What is written, and by which
 * writer, does not change. The SnapStart priming makes them all ({@link #makeAll}). Upstream fix:
 * {@code DefaultRouteInfo} making its writer on first use.
 */
@Singleton
public final class DeferredRouteWriters implements BeanCreatedEventListener<MessageBodyHandlerRegistry> {

    /** One per route and response type: made only while the router is built (DefaultRouteInfo). */
    private final Queue<DeferredWriter<?>> deferred = new ConcurrentLinkedQueue<>();

    @Override
    public MessageBodyHandlerRegistry onCreated(BeanCreatedEvent<MessageBodyHandlerRegistry> event) {
        return new Registry(event.getBean(), deferred::add);
    }

    /** Makes every deferred writer now (the SnapStart priming: the snapshot holds them all, as before). */
    public void makeAll() {
        deferred.forEach(DeferredWriter::make);
    }

    /** How many route writers were deferred (what a cold start no longer makes up front). */
    public int deferred() {
        return deferred.size();
    }

    /** How many of them have been made so far. */
    public long made() {
        return deferred.stream().filter(DeferredWriter::made).count();
    }

    /** The context's registry, handing out each writer it finds as a {@link DeferredWriter#general}. */
    private static final class Registry implements MessageBodyHandlerRegistry {

        private final MessageBodyHandlerRegistry registry;
        /** One per writer bean: the registry finds writers on requests too. */
        private final Map<MessageBodyWriter<?>, DeferredWriter<?>> generals = new ConcurrentHashMap<>();
        /** Made once: a capturing lambda per lookup would be an allocation per request (Lambda's C1 does not remove it). */
        private final Function<MessageBodyWriter<?>, DeferredWriter<?>> general;

        Registry(MessageBodyHandlerRegistry registry, Consumer<DeferredWriter<?>> deferred) {
            this.registry = registry;
            this.general = found -> DeferredWriter.general(found, deferred);
        }

        @Override
        public <T> Optional<MessageBodyReader<T>> findReader(Argument<T> type, List<MediaType> mediaType) {
            return registry.findReader(type, mediaType);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> Optional<MessageBodyWriter<T>> findWriter(Argument<T> type, List<MediaType> mediaType) {
            Optional<MessageBodyWriter<T>> found = registry.findWriter(type, mediaType);
            return found.isEmpty() ? found : Optional.of((MessageBodyWriter<T>) generals.computeIfAbsent(found.get(), general));
        }
    }
}
