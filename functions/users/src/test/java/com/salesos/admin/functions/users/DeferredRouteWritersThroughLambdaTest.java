package com.salesos.admin.functions.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.emulator.LambdaApi;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.web.DeferredRouteWriters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A cold start makes no route's response writer up front: each is made by the first response that
 * uses it, and the SnapStart priming makes them all. What a response says does not change.
 */
class DeferredRouteWritersThroughLambdaTest {

    @BeforeAll
    static void setUp() {
        LocalAws.fresh();
    }

    @Test
    void each_route_writer_is_made_by_its_first_response_and_the_priming_makes_the_rest() {
        try (LambdaApi api = new LambdaApi()) {
            DeferredRouteWriters writers = api.context().getBean(DeferredRouteWriters.class);
            int routes = writers.deferred();
            assertThat(routes).as("route writers deferred by the router").isGreaterThan(5);
            assertThat(writers.made()).as("made while the handler was constructed").isZero();

            LambdaApi.Response health = api.call("GET", "/v1/health", null, null);
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
            long afterHealth = writers.made();
            assertThat(afterHealth).as("made by one response").isBetween(1L, 2L);

            LambdaApi.Response refused = api.call("GET", "/v1/me", null, null);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().path("status").asInt()).isEqualTo(401);
            assertThat(writers.made()).isLessThan(routes);

            api.prime();
            assertThat(writers.made()).as("made by the priming").isEqualTo(routes);
            assertThat(writers.deferred()).as("requests defer nothing more").isEqualTo(routes);
        }
    }
}
