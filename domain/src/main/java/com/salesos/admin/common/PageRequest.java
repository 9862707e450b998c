package com.salesos.admin.common;

import com.salesos.admin.problems.DomainException;
import com.salesos.admin.problems.Validation;
import java.util.Optional;

/** A listing request: at most {@code limit} items after {@code cursor}. Limits follow API.md. */
public record PageRequest(int limit, Optional<String> cursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public static PageRequest of(Integer limit, String cursor) {
        int effective = limit == null ? DEFAULT_LIMIT : limit;
        Validation validation = new Validation();
        if (effective < 1 || effective > MAX_LIMIT) {
            validation.reject("limit", "must be between 1 and " + MAX_LIMIT);
        }
        validation.throwIfInvalid();
        return new PageRequest(effective, Optional.ofNullable(cursor).filter(c -> !c.isBlank()));
    }

    /** A cursor this listing did not hand out (422 on the {@code cursor} field). */
    public static DomainException invalidCursor() {
        return DomainException.invalidField("cursor", "is not a cursor of this listing");
    }
}
