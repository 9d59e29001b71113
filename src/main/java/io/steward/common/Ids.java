package io.steward.common;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * UUIDs a client sends, accepted only in the canonical form: 8-4-4-4-12 hexadecimal digits, in
 * either case ({@code 3f1c6d1e-0000-4000-8000-00000000000a} or the same in uppercase). {@link
 * UUID#fromString} alone also reads {@code 1-1-1-1-1} and, on some runtimes, over-long groups; such
 * text names no resource and is no filter value. Errors never repeat the value.
 */
public final class Ids {

    /** The rule as a field error gives it. */
    public static final String FORM = "must be a UUID of the form 8-4-4-4-12 hexadecimal digits";

    private static final Pattern CANONICAL =
            Pattern.compile(
                    "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Ids() {}

    /** Whether the text is a UUID in the canonical form. */
    public static boolean canonical(String text) {
        return text != null && text.length() == 36 && CANONICAL.matcher(text).matches();
    }

    /** The UUID, or null when the text is null or not in the canonical form. */
    public static UUID parseOrNull(String text) {
        return canonical(text) ? UUID.fromString(text) : null;
    }

    /**
     * A resource id from a path: anything that is not a canonical UUID names no resource, so it is
     * the same 404 as an id that does not exist or is not visible.
     */
    public static UUID parse(String text) {
        UUID id = parseOrNull(text);
        if (id == null) {
            throw ApiException.notFound();
        }
        return id;
    }

    /** A query parameter or other named value: null when left out, a 400 naming it when bad. */
    public static UUID param(String name, String text) {
        if (text == null) {
            return null;
        }
        UUID id = parseOrNull(text);
        if (id == null) {
            throw ApiException.invalid(name, FORM);
        }
        return id;
    }
}
