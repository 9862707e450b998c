package com.salesos.admin.aws.table;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Time as it goes into a sort key: UTC with all nine fraction digits, so every key has the same
 * width and text order is time order. {@link Instant#toString()} drops trailing zero digits
 * (...00Z, ...00.001Z), and since '.' sorts before 'Z' a whole second then sorts after the
 * milliseconds that follow it.
 *
 * <p>Keys written before this existed (variable width) stay readable: they differ from a
 * fixed-width key of another second before the fraction, so they only sort out of place against
 * keys of their own second, as they did before. Attribute values (not keys) keep ISO-8601 text.
 */
public final class SortableTime {

    private static final DateTimeFormatter FIXED_WIDTH =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private SortableTime() {
    }

    public static String of(Instant instant) {
        return FIXED_WIDTH.format(instant);
    }
}
