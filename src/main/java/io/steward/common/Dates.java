package io.steward.common;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/** Strict {@code YYYY-MM-DD} dates, shared by JSON bodies, uploaded files and query parameters. */
public final class Dates {

    private static final Pattern SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private Dates() {}

    /** The date, or null when the text is not a real date in the exact form YYYY-MM-DD. */
    public static LocalDate parseOrNull(String text) {
        if (text == null || !SHAPE.matcher(text).matches()) {
            return null;
        }
        try {
            return LocalDate.parse(text, FORMAT);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Parses a query parameter, answering 400 naming the parameter when it is not a date; null when
     * it was left out (a blank one never gets here, see {@link QueryParams}).
     */
    public static LocalDate param(String name, String text) {
        if (text == null) {
            return null;
        }
        LocalDate date = parseOrNull(text);
        if (date == null) {
            throw ApiException.invalid(name, "must be a real date in the form YYYY-MM-DD");
        }
        return date;
    }
}
