package io.steward.support;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * {@code openapi/openapi.yaml} and the documents compared with it, read as JSON reads them, and
 * where two such documents differ.
 */
public final class OpenApiDocument {

    public static final Path FILE = Path.of("openapi", "openapi.yaml");

    private OpenApiDocument() {}

    /** {@code openapi/openapi.yaml}, freshly read. */
    public static Map<String, Object> file() throws Exception {
        return yaml(Files.readString(FILE));
    }

    /**
     * A YAML document as JSON would read it: a key given twice is an error, and a date-like scalar
     * stays a string (OpenAPI 3.1 documents are YAML 1.2, which has no timestamps).
     */
    public static Map<String, Object> yaml(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(new JsonScalars(options)).load(text);
    }

    /** A JSON document; a key given twice is an error. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> json(String text) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return mapper.readValue(text, Map.class);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /**
     * Where {@code other} differs from {@code file}, each as a JSON pointer and what differs there;
     * empty when they are the same document.
     */
    public static List<String> differences(Object file, Object other) {
        List<String> found = new ArrayList<>();
        compare(file, other, "", found);
        return found;
    }

    private static void compare(Object file, Object other, String at, List<String> found) {
        if (file instanceof Map<?, ?> fileMap && other instanceof Map<?, ?> otherMap) {
            Map<String, Object> a = byName(fileMap);
            Map<String, Object> b = byName(otherMap);
            TreeSet<String> keys = new TreeSet<>(a.keySet());
            keys.addAll(b.keySet());
            for (String key : keys) {
                String next = at + "/" + key.replace("~", "~0").replace("/", "~1");
                if (!b.containsKey(key)) {
                    found.add(next + ": only in the file");
                } else if (!a.containsKey(key)) {
                    found.add(next + ": only served");
                } else {
                    compare(a.get(key), b.get(key), next, found);
                }
            }
        } else if (file instanceof List<?> a && other instanceof List<?> b) {
            if (a.size() != b.size()) {
                found.add(at + ": " + a.size() + " items in the file, " + b.size() + " served");
            }
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                compare(a.get(i), b.get(i), at + "/" + i, found);
            }
        } else if (!sameScalar(file, other)) {
            found.add(at + ": " + file + " in the file, " + other + " served");
        }
    }

    /** Keys as JSON has them: names (a YAML key {@code 200} is the name "200"). */
    private static Map<String, Object> byName(Map<?, ?> map) {
        Map<String, Object> named = new LinkedHashMap<>();
        map.forEach((key, value) -> named.put(String.valueOf(key), value));
        return named;
    }

    /** Numbers by value (JSON has one number type: 1 and 1.0 are the same). */
    private static boolean sameScalar(Object file, Object other) {
        if (file instanceof Number a && other instanceof Number b && finite(a) && finite(b)) {
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
        }
        return file == null ? other == null : file.equals(other);
    }

    private static boolean finite(Number n) {
        return !(n instanceof Double d) || Double.isFinite(d);
    }

    private static final class JsonScalars extends SafeConstructor {
        JsonScalars(LoaderOptions options) {
            super(options);
            yamlConstructors.put(Tag.TIMESTAMP, yamlConstructors.get(Tag.STR));
        }
    }
}
