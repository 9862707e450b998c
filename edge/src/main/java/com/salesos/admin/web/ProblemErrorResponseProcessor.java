package com.salesos.admin.web;

import com.salesos.admin.problems.DomainException;
import com.salesos.admin.problems.FieldError;
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
        if (status == HttpStatus.BAD_REQUEST) {
            // Micronaut could not read or convert part of the request (an empty body, a query value
            // of the wrong type): the same answer as any other invalid input, naming the part.
            List<FieldError> errors = context.getErrors().stream()
                    .map(e -> new FieldError(e.getPath().orElse("body"), readable(e.getMessage())))
                    .toList();
            if (errors.isEmpty()) {
                errors = List.of(new FieldError("body", "could not be read"));
            }
            DomainException invalid = DomainException.invalidInput(errors);
            HttpStatus invalidStatus = ProblemResponses.statusOf(invalid.kind());
            return response.status(invalidStatus).body(ProblemResponses.problemOf(invalid, invalidStatus))
                    .contentType(Problem.MEDIA_TYPE);
        }
        String slug;
        String title;
        String detail;
        if (status.getCode() >= 500) {
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

    /** Micronaut's first line, without the Java types it may name. */
    private static String readable(String message) {
        String line = Optional.ofNullable(message).map(m -> m.lines().findFirst().orElse(m)).orElse("");
        if (line.contains("Empty body")) {
            return "a JSON body is required";
        }
        return line.replaceAll("\\[?[a-z]+(\\.[a-zA-Z0-9_$]+)+\\]?", "").trim();
    }
}
