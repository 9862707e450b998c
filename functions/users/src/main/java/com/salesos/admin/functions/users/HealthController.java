package com.salesos.admin.functions.users;

import com.salesos.admin.web.PublicRoute;
import io.micronaut.http.annotation.Controller;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.http.annotation.Get;

/**
 * The synthetic check's target: answers from memory, with no AWS call and no token, so a probe
 * every minute costs one warm invocation and says "the API, its routing and this function are up"
 * without touching the table or Cognito (their health is what the alarms watch). It lives in the
 * users function because a route belongs to exactly one function in the template.
 */
@Controller("/v1/health")
public class HealthController {

    /** The body: a fixed status, nothing about the deployment an anonymous caller could use. */
    @Serdeable
    public record Health(String status) {
    }

    private static final Health UP = new Health("ok");

    @Get
    @PublicRoute
    public Health health() {
        return UP;
    }
}
