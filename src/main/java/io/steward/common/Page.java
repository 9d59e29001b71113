package io.steward.common;

import java.util.List;
import java.util.function.Function;

/** One page of a list answer: {@code {"items": [...], "nextCursor": "..." | null}}. */
public record Page<T>(List<T> items, String nextCursor) {

    /**
     * Builds a page from rows fetched with {@code limit + 1}: the extra row only tells that more
     * exist, and the cursor, bound to the request's walk, points after the last row served.
     */
    public static <R, T> Page<T> of(
            List<R> rows, PageRequest page, Function<R, T> view, Function<R, String[]> key) {
        boolean more = rows.size() > page.limit();
        List<R> served = more ? rows.subList(0, page.limit()) : rows;
        String next = more ? page.cursorAfter(key.apply(served.get(served.size() - 1))) : null;
        return new Page<>(served.stream().map(view).toList(), next);
    }
}
