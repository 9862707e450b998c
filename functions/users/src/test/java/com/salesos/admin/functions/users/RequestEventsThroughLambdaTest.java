package com.salesos.admin.functions.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.emulator.LambdaApi;
import com.salesos.admin.emulator.LocalAws;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.context.event.HttpRequestReceivedEvent;
import io.micronaut.http.context.event.HttpRequestTerminatedEvent;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The handler resolves the publishers of Micronaut's two per-request events once (GatewayHandler):
 * listeners must still hear of every request, and a request must not make the context create a
 * publisher again (the stock path creates two per request; without GatewayHandler's registration
 * this test fails on that count).
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

    /** Counts the publishers the context creates: the stock path creates one per event, per request. */
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
        }
    }
}
