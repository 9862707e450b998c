package com.salesos.admin.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.http.uri.UriBuilder;
import java.net.URI;
import java.util.Arrays;
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
                "/v1/users/usr%201", "/v1/users/%E2%82%AC", "/v1/users/ümlaut", "/v1/a:b", "/v1//double", "/v1/users/",
                "/v1/a%2Fb", "/v1/users/usr_1;x", "//host/v1/me")) {
            URI micronauts = UriBuilder.of(path).build();
            // API Gateway sends no query map at all when there is no query string; an empty one is the same request.
            for (Map<String, String> noQuery : Arrays.asList(null, Map.<String, String>of())) {
                URI ours = GatewayRequest.uriOf(path, noQuery);
                assertThat(ours).as(path).isEqualTo(micronauts);
                assertThat(ours.toString()).as(path).isEqualTo(micronauts.toString());
                assertThat(ours.getRawPath()).as(path).isEqualTo(micronauts.getRawPath());
                assertThat(ours.getRawAuthority()).as(path).isEqualTo(micronauts.getRawAuthority());
            }
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
        // Inputs where Micronaut's builder and new URI(path) differ: each guard is what keeps them apart.
        for (String path : List.of("/v1/users?a=b%20c&flag", "/v1/users#a/b", "x://[::1]/p")) {
            URI micronauts = UriBuilder.of(path).build();
            assertThat(micronauts.toString()).as(path).isNotEqualTo(URI.create(path).toString());
            assertThat(GatewayRequest.uriOf(path, Map.of()).toString()).as(path).isEqualTo(micronauts.toString());
        }
    }

    @Test
    void a_path_the_jdk_refuses_is_refused_as_micronaut_refuses_it() {
        for (String path : List.of("/v1/users/a b", "/v1/%zz", "/v1/{id}")) {
            Class<? extends Throwable> micronauts = catchClass(() -> UriBuilder.of(path).build());
            assertThat(micronauts).as(path).isNotNull();
            assertThatThrownBy(() -> GatewayRequest.uriOf(path, Map.of())).as(path).isInstanceOf(micronauts);
        }
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
