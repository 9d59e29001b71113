package io.steward.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A validated {@code limit} and decoded {@code cursor}. A cursor is opaque to callers: the
 * base64url text of the sort key of the last row served, prefixed with a version.
 */
public record PageRequest(int limit, List<String> after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    static final String LIMIT_RULE = "must be a whole number from 1 to 500";

    /** Plain ASCII digits only: no sign, no spaces, no digits of other scripts. */
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private static final String PREFIX = "c1";
    private static final char SEPARATOR = '\u001f';

    /** Parses the query parameters, answering 400 naming the parameter when either is bad. */
    public static PageRequest of(String limit, String cursor, int keyParts) {
        return new PageRequest(limit(limit), cursor == null ? null : decode(cursor, keyParts));
    }

    /** Parses {@code limit}, answering 400 naming it unless it is plain digits from 1 to 500. */
    static int limit(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (!DIGITS.matcher(limit).matches()) {
            throw ApiException.invalid("limit", LIMIT_RULE);
        }
        int size;
        try {
            size = Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            throw ApiException.invalid("limit", LIMIT_RULE); // more digits than an int holds
        }
        if (size < 1 || size > MAX_LIMIT) {
            throw ApiException.invalid("limit", LIMIT_RULE);
        }
        return size;
    }

    public boolean first() {
        return after == null;
    }

    public static String encode(String... key) {
        String text = PREFIX + SEPARATOR + String.join(String.valueOf(SEPARATOR), key);
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> decode(String cursor, int keyParts) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> parts = List.of(text.split(String.valueOf(SEPARATOR), -1));
            if (parts.size() != keyParts + 1 || !PREFIX.equals(parts.get(0))) {
                throw new IllegalArgumentException();
            }
            // A part with a control character was never given out, and NUL would reach SQL.
            if (parts.stream().anyMatch(part -> Text.problem(part) != null)) {
                throw new IllegalArgumentException();
            }
            return parts.subList(1, parts.size());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("cursor", "is not a cursor this list gave out");
        }
    }
}
