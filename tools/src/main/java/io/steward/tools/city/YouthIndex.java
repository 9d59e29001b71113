package io.steward.tools.city;

import java.util.LinkedHashMap;
import java.util.Map;

/** Youth of a city by key. */
public final class YouthIndex {

    private YouthIndex() {}

    public static Map<String, Youth> of(City city) {
        Map<String, Youth> byKey = new LinkedHashMap<>();
        for (Youth y : city.youth()) {
            byKey.put(y.key(), y);
        }
        return byKey;
    }
}
