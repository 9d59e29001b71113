package io.steward.tools.city;

import java.util.LinkedHashMap;
import java.util.Map;

/** Record fields in a stable order. */
public final class Fields {

    private Fields() {}

    public static Map<String, Object> of(Object... pairs) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put((String) pairs[i], pairs[i + 1]);
        }
        return fields;
    }
}
