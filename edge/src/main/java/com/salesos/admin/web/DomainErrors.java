package com.salesos.admin.web;

import com.salesos.admin.problems.DomainException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;

/**
 * Every domain refusal that reaches the router becomes its problem response here.
 *
 * <p>A global error route, not an {@code ExceptionHandler} bean: Micronaut finds an exception
 * handler with a bean query on every error (its qualifier has no {@code equals}, so the query's
 * cache never hits) and builds the handler's route info each time, which was half the time of a
 * refused request (docs/benchmarks.md, "Warm overhead"). Error routes are built with the router.
 */
@Controller
public final class DomainErrors {

    @Error(global = true, exception = DomainException.class)
    public HttpResponse<Problem> refused(DomainException refusal) {
        return ProblemResponses.of(refusal);
    }
}
