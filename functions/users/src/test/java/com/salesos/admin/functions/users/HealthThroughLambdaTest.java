package com.salesos.admin.functions.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.emulator.LambdaApi;
import com.salesos.admin.emulator.LocalAws;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /v1/health is what synthetic checks call: public, answered from memory. */
class HealthThroughLambdaTest {

    static LambdaApi api;

    @BeforeAll
    static void setUp() {
        LocalAws.fresh();
        api = new LambdaApi();
    }

    @AfterAll
    static void tearDown() {
        api.close();
    }

    @Test
    void health_answers_ok_without_a_token() {
        var health = api.call("GET", "/v1/health", null, null);

        assertThat(health.status()).as(health.body()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("ok");
    }

    @Test
    void health_cannot_reach_aws_because_it_is_given_nothing_to_call_it_with() {
        // No collaborator injected, so no store, client or port: the answer costs no AWS call.
        assertThat(Arrays.stream(HealthController.class.getConstructors()).mapToInt(c -> c.getParameterCount()).max())
                .hasValue(0);
        assertThat(HealthController.class.getDeclaredFields())
                .allSatisfy(f -> assertThat(f.getType()).isEqualTo(HealthController.Health.class));
    }
}
