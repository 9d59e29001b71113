package io.steward.common;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonStreamContext;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A property given twice in one JSON object, which the parser refuses ({@link StrictJson} turns on
 * strict duplicate detection), read from the parser's position when it refused it. {@code name} is
 * the top-level property it is in: {@code name} itself given twice ({@code nested} false), or a
 * repeat somewhere inside the value of {@code name}; null when the JSON text is not an object (a
 * repeat inside a list). {@code path} is where the repeat stands ({@code guardians[0].name}), or
 * {@code body} at the top of the text.
 */
public record RepeatedProperty(String name, boolean nested, String path) {

    /** The repeat behind a parse error, or null when the error is another one. */
    public static RepeatedProperty of(JsonParseException e) {
        if (e.getOriginalMessage() == null
                || !e.getOriginalMessage().startsWith("Duplicate field ")
                || e.getProcessor() == null) {
            return null;
        }
        JsonStreamContext at = e.getProcessor().getParsingContext();
        Deque<JsonStreamContext> chain = new ArrayDeque<>();
        for (JsonStreamContext c = at; c != null && !c.inRoot(); c = c.getParent()) {
            chain.push(c);
        }
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext c : chain) {
            if (c.inArray()) {
                path.append('[').append(Math.max(c.getCurrentIndex(), 0)).append(']');
            } else if (c.getCurrentName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(c.getCurrentName());
            }
        }
        String where = path.isEmpty() ? "body" : path.toString();
        JsonStreamContext top = at;
        while (top != null && top.getParent() != null && !top.getParent().inRoot()) {
            top = top.getParent();
        }
        if (top == null || !top.inObject() || top.getCurrentName() == null) {
            return new RepeatedProperty(null, true, where);
        }
        return new RepeatedProperty(top.getCurrentName(), top != at, where);
    }
}
