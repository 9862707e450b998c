package com.salesos.admin.aws.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoredInstantsTest {

    @Test
    void readsEveryInstantAsInstantParseDoes() {
        SplittableRandom random = new SplittableRandom(14);
        for (int i = 0; i < 100_000; i++) {
            // Every precision toString writes: whole seconds, millis, micros, nanos.
            long nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000L;
                case 2 -> random.nextInt(1_000_000) * 1_000L;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_167_219_200L, 253_402_300_800L), nanos);
            String text = instant.toString();
            assertEquals(Instant.parse(text), StoredInstants.parse(text), text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-30T14:01:13Z", "2026-11-30T14:01:13.5Z", "2026-11-30T14:01:13.12345678Z",
            "2024-02-29T23:59:59.999999999Z", "0000-01-01T00:00:00Z",
            // Forms we never write, which Instant.parse accepts: a leap second, a large year, an offset,
            // a dot without digits, midnight as 24:00.
            "2016-12-31T23:59:60Z", "+10000-01-01T00:00:00Z", "2026-11-30T14:01:13+01:00", "2026-11-30T14:01:13.Z",
            "2026-11-30T24:00:00Z"})
    void agreesWithInstantParseOnEdgeForms(String text) {
        assertEquals(Instant.parse(text), StoredInstants.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2026-11-30", "2026-11-30T14:01:13", "2026-02-30T14:01:13Z",
            "2026-13-01T14:01:13Z", "2026-11-30T14:60:13Z", "2026-11-30 14:01:13Z",
            "2026-11-30T14:01:1xZ", "2026-11-30T14:01:13.1234567890Z", "٢٠٢٦-11-30T14:01:13Z"})
    void refusesWhatInstantParseRefuses(String text) {
        assertThrows(DateTimeParseException.class, () -> Instant.parse(text));
        assertThrows(DateTimeParseException.class, () -> StoredInstants.parse(text));
    }
}
