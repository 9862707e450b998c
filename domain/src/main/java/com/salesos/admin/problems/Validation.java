package com.salesos.admin.problems;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Collects every field error of one input before refusing it, so the caller sees them all at once. */
public final class Validation {

    private final List<FieldError> errors = new ArrayList<>();

    public Validation reject(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            String detail = errors.size() == 1
                    ? errors.get(0).field() + ": " + errors.get(0).message()
                    : errors.size() + " fields are invalid";
            throw new DomainException(ProblemKind.INVALID_INPUT, "invalid-input",
                    "The request has invalid fields", detail, errors, Map.of());
        }
    }
}
