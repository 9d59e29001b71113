package io.steward.common;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Typed parts of a decoded cursor. A cursor is opaque to callers, so a part that does not parse
 * means the caller made it up or altered it: 400 naming {@code cursor}.
 */
public final class CursorParts {

    private CursorParts() {}

    public static Instant instant(PageRequest page, int index) {
        Instant instant = Instants.parseOrNull(page.after().get(index));
        if (instant == null || !Instants.inRange(instant)) {
            throw bad();
        }
        return instant;
    }

    public static UUID uuid(PageRequest page, int index) {
        try {
            return UUID.fromString(page.after().get(index));
        } catch (IllegalArgumentException e) {
            throw bad();
        }
    }

    public static LocalDate date(PageRequest page, int index) {
        LocalDate date = Dates.parseOrNull(page.after().get(index));
        if (date == null) {
            throw bad();
        }
        return date;
    }

    private static ApiException bad() {
        return ApiException.invalid("cursor", "is not a cursor this list gave out");
    }
}
