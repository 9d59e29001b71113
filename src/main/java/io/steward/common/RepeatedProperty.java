package io.steward.common;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonStreamContext;

/**
 * A property given twice in one JSON object, which the parser refuses ({@link StrictJson} turns on
 * strict duplicate detection), told by the top-level property it is in: {@code name} itself given
 * twice ({@code nested} false), or a repeat somewhere inside the value of {@code name}. {@code
 * name} is null when the JSON text is not an object (a repeat inside a list).
 */
public record RepeatedProperty(String name, boolean nested) {

    /** The repeat behind a parse error, or null when the error is another one. */
    public static RepeatedProperty of(JsonParseException e) {
        if (e.getOriginalMessage() == null
                || !e.getOriginalMessage().startsWith("Duplicate field ")
                || e.getProcessor() == null) {
            return null;
        }
        JsonStreamContext at = e.getProcessor().getParsingContext();
        JsonStreamContext top = at;
        while (top != null && top.getParent() != null && !top.getParent().inRoot()) {
            top = top.getParent();
        }
        if (top == null || !top.inObject() || top.getCurrentName() == null) {
            return new RepeatedProperty(null, true);
        }
        return new RepeatedProperty(top.getCurrentName(), top != at);
    }
}
