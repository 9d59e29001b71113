package io.steward.common;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A validated {@code limit} and the decoded {@code cursor} of one request to a list, made by {@link
 * Cursors#page}: {@code after} holds the sort key of the last row served before (null on the first
 * page), and {@code next} writes the cursor that follows a row of this walk.
 */
public record PageRequest(int limit, List<String> after, Function<String[], String> next) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    static final String LIMIT_RULE = "must be a whole number from 1 to 500";

    /** Plain ASCII digits only: no sign, no spaces, no digits of other scripts. */
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    public boolean first() {
        return after == null;
    }

    /** The cursor of the walk that goes on after the row with this sort key. */
    public String cursorAfter(String... key) {
        return next.apply(key);
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
}
