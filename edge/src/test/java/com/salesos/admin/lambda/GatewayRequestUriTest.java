package com.salesos.admin.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.http.uri.UriBuilder;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The request URI built without Micronaut's second parse of the path is the one Micronaut builds:
 * {@code UriBuilder.of(path)} plus each query parameter, which is what {@code buildUri} does.
 */
class GatewayRequestUriTest {

    @Test
    void a_path_alone_gives_the_uri_micronaut_gives_for_every_kind_of_path_the_api_serves() {
        for (String path : List.of("/", "/v1/me", "/v1/users/usr_01JD2X9Q4", "/v1/invitations/accept",
                "/v1/users/usr_1/reassign-deals", "/v1/exports/exp_1/download", "/openbadges/issuers/ws-acme",
                "/v1/users/usr%201", "/v1/users/%E2%82%AC", "/v1/users/ümlaut", "/v1/a:b", "/v1//double", "/v1/users/")) {
            URI ours = GatewayRequest.uriOf(path, Map.of());
            URI micronauts = UriBuilder.of(path).build();
            assertThat(ours).as(path).isEqualTo(micronauts);
            assertThat(ours.toString()).as(path).isEqualTo(micronauts.toString());
            assertThat(ours.getRawPath()).as(path).isEqualTo(micronauts.getRawPath());
        }
    }

    @Test
    void query_parameters_and_paths_that_are_not_a_plain_path_go_through_micronauts_builder() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("limit", "25");
        query.put("cursor", "a b&c=d");
        URI withQuery = GatewayRequest.uriOf("/v1/users", query);
        assertThat(withQuery).isEqualTo(UriBuilder.of("/v1/users").queryParam("limit", "25").queryParam("cursor", "a b&c=d").build());
        assertThat(withQuery.getRawQuery()).isEqualTo("limit=25&cursor=a+b%26c%3Dd");

        assertThat(GatewayRequest.uriOf(null, null)).isEqualTo(UriBuilder.of("/").build());
        assertThat(GatewayRequest.uriOf("/v1/users?x=1", Map.of())).isEqualTo(UriBuilder.of("/v1/users?x=1").build());
        assertThat(GatewayRequest.uriOf("/v1/users#top", Map.of())).isEqualTo(UriBuilder.of("/v1/users#top").build());
        assertThat(GatewayRequest.uriOf("relative/path", Map.of())).isEqualTo(UriBuilder.of("relative/path").build());
    }

    @Test
    void a_path_the_jdk_refuses_is_refused_as_micronaut_refuses_it() {
        Class<? extends Throwable> micronauts = catchClass(() -> UriBuilder.of("/v1/users/a b").build());
        assertThat(micronauts).isNotNull();
        assertThatThrownBy(() -> GatewayRequest.uriOf("/v1/users/a b", Map.of())).isInstanceOf(micronauts);
    }

    private static Class<? extends Throwable> catchClass(Runnable call) {
        try {
            call.run();
            return null;
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }
}
