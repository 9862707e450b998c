package com.salesos.admin.web;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/** An RFC 9457 problem document. Extension members (e.g. {@code seatsMissing}) sit at the top level. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(description = "An RFC 9457 problem document. Extension members of some problems (e.g. seatsMissing, "
        + "retryAfterSeconds, limitBytes) sit beside these.",
        additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
public record Problem(String type, String title, int status, String detail,
                      @Schema(description = "Each field at fault; only for invalid input",
                              requiredMode = Schema.RequiredMode.NOT_REQUIRED) List<FieldErrorView> errors,
                      // Written at the top level (@JsonAnyGetter), so not a member of its own.
                      @Schema(hidden = true) @JsonAnyGetter Map<String, Object> extensions) {

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
