package io.steward.common;

import java.time.Instant;

/**
 * The instants a client may send: years 0001 to 9999, which every column and index holds. {@link
 * Instant#parse} reads years up to nine digits, which PostgreSQL refuses with an error.
 */
public final class Instants {

    public static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999999Z");
    public static final String RANGE =
            "must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z";

    private Instants() {}

    public static boolean inRange(Instant instant) {
        return !instant.isBefore(MIN) && !instant.isAfter(MAX);
    }
}
