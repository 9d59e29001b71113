package io.steward.common;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The walk a cursor belongs to: the list ({@code kind}) and whatever narrows it (a path id, the
 * query filters), each part as text or null when left out. A cursor is bound to its scope by a
 * keyed tag ({@link Cursors}); the scope itself is never written into the cursor, so a filter that
 * holds personal data (a student id) does not travel in it.
 */
public record CursorScope(String kind, List<String> parts) {

    /** A scope of a list kind and its parts, in a fixed order; null parts stand for "left out". */
    public static CursorScope of(String kind, Object... parts) {
        List<String> texts = new ArrayList<>(parts.length);
        for (Object part : parts) {
            texts.add(part == null ? null : part.toString());
        }
        return new CursorScope(kind, Collections.unmodifiableList(texts));
    }
}
