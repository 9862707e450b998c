package com.salesos.admin.aws.table;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

/**
 * Reads the instants we store: {@link Instant#toString()}'s form, {@code 2026-11-30T14:01:13.123Z}.
 *
 * <p>{@link Instant#parse} goes through {@code DateTimeFormatter.ISO_INSTANT}'s general parser, which
 * under Lambda's C1-only JIT cost tens of microseconds per value, several times per request (every
 * user and invitation read carries two or three instants). This reads exactly the form we write, with
 * digits checked one by one, and hands anything else (a leap second, a year past 9999, a stray
 * character) to {@code Instant.parse}, so what it accepts and how it fails are {@code Instant.parse}'s.
 */
final class StoredInstants {

    private StoredInstants() {
    }

    static Instant parse(String text) {
        int length = text.length();
        // yyyy-MM-ddTHH:mm:ssZ is 20 characters; a fraction adds a dot and 1 to 9 digits.
        if (length < 20 || length == 21 || length > 30 || text.charAt(length - 1) != 'Z'
                || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || (length > 20 && text.charAt(19) != '.')) {
            return Instant.parse(text);
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int fraction = length > 20 ? digits(text, 20, length - 1) : 0;
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || fraction < 0) {
            return Instant.parse(text);
        }
        long nanos = fraction;
        for (int i = length - 1 - 20; i < 9; i++) {
            nanos *= 10;
        }
        long epochSecond = LocalDate.of(year, month, day).toEpochDay() * 86_400L + hour * 3_600L + minute * 60L + second;
        return Instant.ofEpochSecond(epochSecond, nanos);
    }

    /** The decimal number in {@code text[from, to)}, or -1 if any of it is not an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
