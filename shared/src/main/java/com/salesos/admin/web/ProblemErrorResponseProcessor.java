package com.salesos.admin.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns Micronaut's own errors (unreadable JSON, unknown route, wrong method or media type, an
 * unexpected fault) into problem documents too, so every error the API gives has one shape. A
 * 500 says nothing about the fault's internals.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public final class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        String slug;
        String title;
        String detail;
        if (status == HttpStatus.BAD_REQUEST) {
            slug = "malformed-request";
            title = "Malformed request";
            detail = context.getErrors().stream().map(Error::getMessage).findFirst()
                    .map(ProblemErrorResponseProcessor::firstLine).orElse("The request could not be read");
        } else if (status.getCode() >= 500) {
            slug = "internal-error";
            title = "Internal error";
            detail = "Something went wrong on our side. Try again; if it keeps failing, contact support.";
        } else {
            slug = status.name().toLowerCase().replace('_', '-');
            title = status.getReason();
            detail = context.getErrors().stream().map(Error::getMessage).findFirst().orElse(status.getReason());
        }
        Problem problem = Problem.of(slug, title, status.getCode(), detail, List.of(), Map.of());
        return response.body(problem).contentType(Problem.MEDIA_TYPE);
    }

    private static String firstLine(String message) {
        return Optional.ofNullable(message).map(m -> m.lines().findFirst().orElse(m)).orElse("");
    }
}
