package io.steward.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/** Reads the Kubernetes manifests as plain maps, and walks them by path. */
final class Yamls {

    static final Path K8S = Path.of("k8s");

    private Yamls() {}

    /** Every document of every YAML file under k8s/, with the file it came from. */
    static List<Doc> all() throws IOException {
        List<Doc> docs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(K8S)) {
            for (Path file : files.filter(Yamls::isYaml).sorted().toList()) {
                for (Object doc : new Yaml().loadAll(Files.readString(file))) {
                    if (doc != null) {
                        docs.add(new Doc(file, map(doc)));
                    }
                }
            }
        }
        return docs;
    }

    static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    static Doc one(List<Doc> docs, String kind) {
        List<Doc> found = docs.stream().filter(d -> kind.equals(d.kind())).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + kind + ", found " + found.size());
        }
        return found.get(0);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }

    /** The value at a dotted path such as {@code spec.template.spec}, or null. */
    static Object at(Object root, String path) {
        Object node = root;
        for (String key : path.split("\\.")) {
            node = map(node).get(key);
        }
        return node;
    }

    record Doc(Path file, Map<String, Object> body) {
        String kind() {
            return String.valueOf(body.get("kind"));
        }

        String name() {
            return String.valueOf(Yamls.at(body, "metadata.name"));
        }

        Object at(String path) {
            return Yamls.at(body, path);
        }
    }
}
