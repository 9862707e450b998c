package com.salesos.admin.problems;

import java.util.List;
import java.util.Map;

/**
 * A refusal the caller can act on. The kind says what went wrong in domain terms; the HTTP edge
 * maps it to a status code in one place, so the domain never speaks HTTP.
 */
public final class DomainException extends RuntimeException {

    /**
     * Extension member that holds whole seconds until a retry can succeed; the HTTP edge turns it
     * into a {@code Retry-After} header as well.
     */
    public static final String RETRY_AFTER = "retryAfterSeconds";

    private final ProblemKind kind;
    private final String type;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions;

    public DomainException(ProblemKind kind, String type, String title, String detail,
                           List<FieldError> errors, Map<String, Object> extensions) {
        // No stack trace: these are answers, not faults, and filling it costs on every refusal.
        super(detail, null, false, false);
        this.kind = kind;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.extensions = Map.copyOf(extensions);
    }

    public DomainException(ProblemKind kind, String type, String title, String detail) {
        this(kind, type, title, detail, List.of(), Map.of());
    }

    /** The thing does not exist (or is another workspace's: never say which). */
    public static DomainException notFound(String what) {
        return notFoundBecause(what + " does not exist");
    }

    /** Nothing can exist at this address at all (an id of the wrong form, no such route). */
    public static DomainException notFoundBecause(String detail) {
        return new DomainException(ProblemKind.NOT_FOUND, "not-found", "Not found", detail);
    }

    public static DomainException conflict(String type, String title, String detail) {
        return new DomainException(ProblemKind.CONFLICT, type, title, detail);
    }

    public static DomainException invalidField(String field, String message) {
        return invalidInput(List.of(new FieldError(field, message)));
    }

    /**
     * Well-formed input with values that break the rules, every field at fault listed. The detail
     * names the one field and why, or counts and names them all.
     */
    public static DomainException invalidInput(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid: " + String.join(", ", errors.stream().map(FieldError::field).toList());
        return new DomainException(ProblemKind.INVALID_INPUT, "invalid-input", "The request has invalid fields",
                detail, errors, Map.of());
    }

    public ProblemKind kind() {
        return kind;
    }

    /** Short, stable slug naming the problem type, e.g. {@code seats-exhausted}. */
    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Extra members of the problem document, e.g. {@code seatsMissing}. */
    public Map<String, Object> extensions() {
        return extensions;
    }
}
