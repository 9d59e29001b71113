package io.steward.tools.edfi;

import java.util.List;
import java.util.Map;

/** One record of an interchange file: its texts by path below the record element. */
public record XmlRecord(Map<String, List<String>> fields) {

    /** The first text at this path, or null. */
    public String first(String path) {
        List<String> values = fields.get(path);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Every text at this path, in document order. */
    public List<String> all(String path) {
        return fields.getOrDefault(path, List.of());
    }

    /** The part after {@code #} of an Ed-Fi descriptor URI, or the text itself. */
    public static String descriptor(String uri) {
        if (uri == null) {
            return null;
        }
        int hash = uri.lastIndexOf('#');
        return hash < 0 ? uri : uri.substring(hash + 1);
    }
}
