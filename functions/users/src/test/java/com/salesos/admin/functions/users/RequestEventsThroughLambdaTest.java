package com.salesos.admin.functions.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.emulator.LambdaApi;
import com.salesos.admin.emulator.LocalAws;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.type.Argument;
import io.micronaut.http.context.event.HttpRequestReceivedEvent;
import io.micronaut.http.context.event.HttpRequestTerminatedEvent;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The handler resolves the publishers of Micronaut's two per-request events once
 * (RequestEventPublisher): listeners must still hear of every request, a request must not make the
 * context run a publisher's creation again (the stock path does it twice per request; without the
 * registration this test fails on that count), and other publishers must resolve as before.
 */
class RequestEventsThroughLambdaTest {

    static final class Received implements ApplicationEventListener<HttpRequestReceivedEvent> {
        final AtomicInteger count = new AtomicInteger();

        @Override
        public void onApplicationEvent(HttpRequestReceivedEvent event) {
            count.incrementAndGet();
        }
    }

    static final class Terminated implements ApplicationEventListener<HttpRequestTerminatedEvent> {
        final AtomicInteger count = new AtomicInteger();

        @Override
        public void onApplicationEvent(HttpRequestTerminatedEvent event) {
            count.incrementAndGet();
        }
    }

    /** Counts the publisher creations the context runs: the stock path runs one per event, per request. */
    @SuppressWarnings("rawtypes")
    static final class Created implements BeanCreatedEventListener<ApplicationEventPublisher> {
        final AtomicInteger count = new AtomicInteger();

        @Override
        public ApplicationEventPublisher onCreated(BeanCreatedEvent<ApplicationEventPublisher> event) {
            count.incrementAndGet();
            return event.getBean();
        }
    }

    @BeforeAll
    static void setUp() {
        LocalAws.fresh();
    }

    @Test
    void listeners_hear_of_every_request_through_one_publisher() {
        Received received = new Received();
        Terminated terminated = new Terminated();
        Created created = new Created();
        try (LambdaApi api = new LambdaApi(received, terminated, created)) {
            assertThat(api.call("GET", "/v1/health", null, null).status()).isEqualTo(200);
            int afterFirst = created.count.get();
            assertThat(api.call("GET", "/v1/me", null, null).status()).isEqualTo(401);
            assertThat(api.call("GET", "/v1/health", null, null).status()).isEqualTo(200);

            assertThat(received.count).hasValue(3);
            assertThat(terminated.count).hasValue(3);
            assertThat(created.count).hasValue(afterFirst);

            // A publisher of any other event type, and a raw one, still come from Micronaut's factory:
            // the registered two are candidates for their own event type only.
            assertThat(api.context().getBean(Argument.of(ApplicationEventPublisher.class, Object.class))).isNotNull();
            assertThat(api.context().getBean(ApplicationEventPublisher.class)).isNotNull();
        }
    }
}
