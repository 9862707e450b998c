package com.salesos.admin.web;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/** An RFC 9457 problem document. Extension members (e.g. {@code seatsMissing}) sit at the top level. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldErrorView> errors,
                      @JsonAnyGetter Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://docs.salesos.dev/problems/";

    public static Problem of(String slug, String title, int status, String detail,
                             List<FieldErrorView> errors, Map<String, Object> extensions) {
        return new Problem(TYPE_BASE + slug, title, status, detail, errors, extensions);
    }

    @Serdeable
    public record FieldErrorView(String field, String message) {
    }
}
