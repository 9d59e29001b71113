package io.steward.common;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Typed parts of a decoded cursor. {@link Cursors} has checked the cursor's tag, so a part that
 * does not parse was never given out; it is still refused with 400 naming {@code cursor}, as a
 * second line.
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
        UUID id = Ids.parseOrNull(page.after().get(index));
        if (id == null) {
            throw bad();
        }
        return id;
    }

    public static LocalDate date(PageRequest page, int index) {
        LocalDate date = Dates.parseOrNull(page.after().get(index));
        if (date == null) {
            throw bad();
        }
        return date;
    }

    private static ApiException bad() {
        return Cursors.refused();
    }
}
