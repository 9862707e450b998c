package com.salesos.admin.functions.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.emulator.LambdaApi;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.LocalAwsExtension;
import com.salesos.admin.emulator.TestWorkspace;
import com.salesos.admin.web.PublicRoute;
import io.micronaut.context.ExecutionHandleLocator;
import io.micronaut.context.annotation.Executable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.web.router.DefaultRouteBuilder;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A route is closed unless it declares who may call it: the access filter refuses a route with no
 * declaration (403) before it asks for a token, and lets a public one through without one. Asked
 * twice each, since the filter reads a route's declaration on its first request and keeps it.
 */
@ExtendWith(LocalAwsExtension.class)
class RouteDeclarationThroughLambdaTest {

    /**
     * A test-only route that declares nothing. A controller cannot have one (the build refuses a
     * controller route without a declaration, RouteDocumentation), so it is built as a route of
     * Micronaut's route builder, which the filter must close all the same.
     */
    @Singleton
    static class UndeclaredRoutes extends DefaultRouteBuilder {
        UndeclaredRoutes(ExecutionHandleLocator locator, Target target) {
            super(locator);
            GET("/v1/test-only/undeclared", target, "reached");
        }
    }

    @Singleton
    static class Target {
        @Executable
        public String reached() {
            return "reached";
        }
    }

    /** A test-only public route. */
    @Controller("/v1/test-only")
    static class PublicController {

        @Get("/public")
        @PublicRoute
        String open() {
            return "reached";
        }
    }

    static LambdaApi api;
    static String admin;

    @BeforeAll
    static void setUp(LocalAws aws, LambdaApi lambda) {
        admin = TestWorkspace.on(aws, "ws-routes").name("Routes Inc").tier("team").seatLimit(3)
                .user("usr_admin", "admin@routes.test", "Ada Admin", "admin")
                .build().user("usr_admin").subject();
        api = lambda;
    }

    @Test
    void a_route_that_declares_nothing_is_closed_on_every_request_even_to_an_admin() {
        for (String subject : new String[] {admin, admin, null}) {
            LambdaApi.Response response = api.call("GET", "/v1/test-only/undeclared", null, subject);

            assertThat(response.status()).isEqualTo(403);
            assertThat(response.body()).contains("route-not-declared").doesNotContain("reached");
        }
    }

    @Test
    void a_public_route_answers_without_a_token_on_every_request() {
        for (int i = 0; i < 2; i++) {
            LambdaApi.Response response = api.call("GET", "/v1/test-only/public", null, null);

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).contains("reached");
        }
    }
}
