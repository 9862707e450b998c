package com.salesos.admin.functions.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.emulator.LambdaApi;
import com.salesos.admin.emulator.LocalAws;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The function leaves the Date header to API Gateway, which dates every response it returns:
 * Micronaut's own (a date formatted per response) is switched off in the handler's context. The
 * refusals, the error route and a success all answer without one.
 */
class DateHeaderThroughLambdaTest {

    @BeforeAll
    static void setUp() {
        LocalAws.fresh();
    }

    @Test
    void no_response_carries_a_date_header_of_its_own() {
        try (LambdaApi api = new LambdaApi()) {
            LambdaApi.Response health = api.call("GET", "/v1/health", null, null);
            LambdaApi.Response refused = api.call("GET", "/v1/me", null, null);
            LambdaApi.Response unknown = api.call("GET", "/v1/no-such-route", null, null);

            assertThat(health.status()).isEqualTo(200);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(unknown.status()).isEqualTo(404);
            for (LambdaApi.Response response : java.util.List.of(health, refused, unknown)) {
                assertThat(response.header("Date")).as("Date header of a %s", response.status()).isNull();
                assertThat(response.header("Content-Type")).isNotNull();
            }
        }
    }
}
