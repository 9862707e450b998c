package com.salesos.admin.problems;

import java.util.ArrayList;
import java.util.List;

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
            throw DomainException.invalidInput(errors);
        }
    }
}
