package com.salesos.admin.web;

import com.salesos.admin.problems.DomainException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Query-string filters read into typed values before a use case sees them: an absent or blank
 * value filters nothing; a value that names no choice is refused as invalid input on that field.
 */
public final class QueryFilters {

    private QueryFilters() {
    }

    /** A free-text filter: empty when absent or blank. */
    public static Optional<String> text(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    /** One of an enum's constants, by name in any case ({@code active}, {@code ACTIVE}). */
    public static <E extends Enum<E>> Optional<E> choice(String field, String value, Class<E> type, String rule) {
        return text(value).map(v -> Arrays.stream(type.getEnumConstants())
                .filter(c -> c.name().equals(v.trim().toUpperCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> DomainException.invalidField(field, rule)));
    }
}
