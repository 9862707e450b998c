package com.salesos.admin.web;

import com.salesos.admin.problems.DomainException;
import com.salesos.admin.problems.ProblemKind;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.util.List;
import java.util.Map;

/** The one place where a domain refusal becomes an HTTP status and a problem document. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static HttpStatus statusOf(ProblemKind kind) {
        return switch (kind) {
            case MALFORMED -> HttpStatus.BAD_REQUEST;
            case INVALID_INPUT -> HttpStatus.UNPROCESSABLE_ENTITY;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case GONE -> HttpStatus.GONE;
            case PRECONDITION_FAILED -> HttpStatus.PRECONDITION_FAILED;
            case PRECONDITION_REQUIRED -> HttpStatus.PRECONDITION_REQUIRED;
            case TOO_LARGE -> HttpStatus.REQUEST_ENTITY_TOO_LARGE;
            case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    public static MutableHttpResponse<Problem> of(DomainException e) {
        HttpStatus status = statusOf(e.kind());
        MutableHttpResponse<Problem> response = of(status, problemOf(e, status));
        Object retryAfter = e.extensions().get(DomainException.RETRY_AFTER);
        if (retryAfter != null) {
            response.header("Retry-After", retryAfter.toString());
        }
        return response;
    }

    /** The problem document of a refusal, answered with {@code status}. */
    public static Problem problemOf(DomainException e, HttpStatus status) {
        return Problem.of(e.type(), e.title(), status.getCode(), e.detail(),
                e.errors().stream().map(f -> new Problem.FieldErrorView(f.field(), f.message())).toList(),
                e.extensions());
    }

    public static MutableHttpResponse<Problem> of(HttpStatus status, String slug, String title, String detail) {
        return of(status, Problem.of(slug, title, status.getCode(), detail, List.of(), Map.of()));
    }

    private static MutableHttpResponse<Problem> of(HttpStatus status, Problem problem) {
        MutableHttpResponse<Problem> response = HttpResponse.<Problem>status(status).body(problem)
                .contentType(Problem.MEDIA_TYPE);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.header("WWW-Authenticate", "Bearer");
        }
        return response;
    }
}
