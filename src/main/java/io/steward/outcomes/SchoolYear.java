package io.steward.outcomes;

import io.steward.common.ApiException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A school year written {@code 2024-2025}: July 1 of the first year to June 30 of the second.
 * Without one, outcomes cover all dates.
 */
public record SchoolYear(String label, LocalDate from, LocalDate to) {

    private static final Pattern SHAPE = Pattern.compile("(\\d{4})-(\\d{4})");
    static final SchoolYear ALL =
            new SchoolYear(null, LocalDate.of(1900, 1, 1), LocalDate.of(9999, 12, 31));

    /** Parses the query parameter, answering 400 naming it when it is not a school year. */
    public static SchoolYear param(String name, String text) {
        if (text == null) {
            return ALL;
        }
        Matcher matcher = SHAPE.matcher(text);
        if (!matcher.matches()) {
            throw ApiException.invalid(name, "must be a school year such as 2024-2025");
        }
        int first = Integer.parseInt(matcher.group(1));
        int second = Integer.parseInt(matcher.group(2));
        if (second != first + 1 || first < 1900 || second > 9999) {
            throw ApiException.invalid(name, "must be two consecutive years such as 2024-2025");
        }
        return new SchoolYear(text, LocalDate.of(first, 7, 1), LocalDate.of(second, 6, 30));
    }
}
