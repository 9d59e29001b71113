package io.steward.tools;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** {@code --name value} and {@code --flag} options of a command. */
public final class Args {

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();

    private Args() {}

    /** Parses options; names in {@code flagNames} take no value. */
    public static Args parse(String[] args, Set<String> flagNames) {
        Args parsed = new Args();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + name);
            }
            String key = name.substring(2);
            if (flagNames.contains(key)) {
                parsed.flags.add(key);
            } else if (i + 1 < args.length) {
                parsed.values.put(key, args[++i]);
            } else {
                throw new IllegalArgumentException("missing value for " + name);
            }
        }
        return parsed;
    }

    public String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public String require(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return value;
    }

    public int integer(String name, int fallback) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
    }

    public long number(String name, long fallback) {
        return values.containsKey(name) ? Long.parseLong(values.get(name)) : fallback;
    }

    public boolean has(String name) {
        return flags.contains(name) || values.containsKey(name);
    }
}
