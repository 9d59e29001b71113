package io.steward.common;

import static java.time.temporal.ChronoField.DAY_OF_MONTH;
import static java.time.temporal.ChronoField.HOUR_OF_DAY;
import static java.time.temporal.ChronoField.MINUTE_OF_HOUR;
import static java.time.temporal.ChronoField.MONTH_OF_YEAR;
import static java.time.temporal.ChronoField.NANO_OF_SECOND;
import static java.time.temporal.ChronoField.SECOND_OF_MINUTE;
import static java.time.temporal.ChronoField.YEAR;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * The instants a client may send, in a JSON body, a query parameter or a cursor: exactly {@code
 * YYYY-MM-DDTHH:MM:SS[.fraction]Z}, UTC said with an uppercase {@code Z}, a fraction of 1 to 6
 * digits, in years 0001 to 9999, which every column and index holds. {@link Instant#parse} reads
 * more: other offsets, a lowercase {@code z}, leap seconds, {@code 24:00}, years up to nine digits
 * that PostgreSQL refuses with an error, and fractions of 7 to 9 digits that PostgreSQL, keeping
 * microseconds, would round: the record read back would then differ from the one answered, so such
 * a value is refused rather than corrected.
 */
public final class Instants {

    public static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999Z");
    public static final String RANGE =
            "must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z";
    public static final String FORM =
            "must be a UTC instant in the form YYYY-MM-DDTHH:MM:SS[.fraction]Z, a fraction of at"
                    + " most 6 digits";

    /** Microseconds, as a PostgreSQL timestamp keeps them. */
    private static final int FRACTION_DIGITS = 6;

    /**
     * Fixed widths, no sign, ASCII digits, case-sensitive, each field in its range; a seventh
     * fraction digit stands where the {@code Z} must, so it does not parse.
     */
    private static final DateTimeFormatter STRICT =
            new DateTimeFormatterBuilder()
                    .parseCaseSensitive()
                    .parseStrict()
                    .appendValue(YEAR, 4)
                    .appendLiteral('-')
                    .appendValue(MONTH_OF_YEAR, 2)
                    .appendLiteral('-')
                    .appendValue(DAY_OF_MONTH, 2)
                    .appendLiteral('T')
                    .appendValue(HOUR_OF_DAY, 2)
                    .appendLiteral(':')
                    .appendValue(MINUTE_OF_HOUR, 2)
                    .appendLiteral(':')
                    .appendValue(SECOND_OF_MINUTE, 2)
                    .optionalStart()
                    .appendFraction(NANO_OF_SECOND, 1, FRACTION_DIGITS, true)
                    .optionalEnd()
                    .appendLiteral('Z')
                    .toFormatter()
                    .withChronology(IsoChronology.INSTANCE)
                    .withResolverStyle(ResolverStyle.STRICT);

    private Instants() {}

    public static boolean inRange(Instant instant) {
        return !instant.isBefore(MIN) && !instant.isAfter(MAX);
    }

    /**
     * The instant, or null when the text is not exactly in the strict form; year 0000 parses, so
     * check {@link #inRange} as well.
     */
    public static Instant parseOrNull(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(text, STRICT).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
