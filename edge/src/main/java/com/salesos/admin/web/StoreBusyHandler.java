package com.salesos.admin.web;

import com.salesos.admin.aws.table.Contention;
import com.salesos.admin.problems.StoreBusy;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * DynamoDB failures that reach a route: contention and throttling the retries did not get through
 * answer 503 {@code store-busy} with Retry-After (see {@link Contention}); anything else is the
 * same 500 as every other unexpected fault, and is logged as one.
 */
@Singleton
public final class StoreBusyHandler implements ExceptionHandler<DynamoDbException, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(StoreBusyHandler.class);

    private final ProblemErrorResponseProcessor problems;

    public StoreBusyHandler(ProblemErrorResponseProcessor problems) {
        this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, DynamoDbException exception) {
        if (Contention.isBusy(exception)) {
            return ProblemResponses.of(StoreBusy.refusal());
        }
        LOG.error("Unexpected DynamoDB error: {}", exception.getClass().getSimpleName(), exception);
        return problems.processResponse(ErrorContext.builder(request).cause(exception).build(), HttpResponse.serverError());
    }
}
