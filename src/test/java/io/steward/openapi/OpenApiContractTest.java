package io.steward.openapi;

import static io.steward.support.OpenApiDocument.file;
import static io.steward.support.OpenApiDocument.map;
import static io.steward.support.OpenApiDocument.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.openapi.api.SmallRyeOpenAPI;
import io.steward.support.OpenApiDocument;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;
import org.junit.jupiter.api.Test;

/**
 * {@code openapi/openapi.yaml}, the document the service serves, lists exactly the operations of
 * the service's resource classes. The classes are scanned here, in the test, as SmallRye OpenAPI
 * would (the service itself serves the file and scans nothing); the scanned document is left at
 * {@code target/openapi-scanned.yaml} for {@code scripts/openapi-check} and {@code
 * scripts/openapi-sync}.
 */
class OpenApiContractTest {

    static final Path CLASSES = Path.of("target", "classes");
    static final Path SCANNED = Path.of("target", "openapi-scanned.yaml");
    static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    @Test
    void openapiFile_comparedWithResourceClasses_listsTheSameOperations() throws Exception {
        String scanned = scan(CLASSES);
        Files.writeString(SCANNED, scanned);

        Set<String> inService = operations(yaml(scanned));
        Set<String> inFile = operations(file());

        assertTrue(
                inService.contains("GET /api/v1/organizations"),
                "the scan finds the resource classes: " + inService);
        Set<String> missing = new TreeSet<>(inService);
        missing.removeAll(inFile);
        Set<String> stale = new TreeSet<>(inFile);
        stale.removeAll(inService);
        assertTrue(
                missing.isEmpty() && stale.isEmpty(),
                "openapi/openapi.yaml differs from the resource classes (scanned: "
                        + SCANNED
                        + ").\n  served but not documented: "
                        + missing
                        + "\n  documented but not served: "
                        + stale);
    }

    @Test
    void scan_ofAnEndpointTheFileLacks_findsItUndocumented() throws Exception {
        Set<String> probes = operations(yaml(scan(Path.of("target", "test-classes"))));
        probes.removeAll(operations(file()));

        assertTrue(probes.contains("GET /probe/unannotated"), "undocumented: " + probes);
    }

    @Test
    void openapiFile_everyApiOperation_isSecuredAndAnswersProblems() throws Exception {
        Map<String, Object> doc = file();
        Map<String, Object> components = map(doc.get("components"));
        assertTrue(map(components.get("schemas")).containsKey("Problem"), "Problem schema");
        Map<String, Object> schemes = map(components.get("securitySchemes"));
        assertTrue(
                schemes.values().stream()
                        .map(OpenApiDocument::map)
                        .anyMatch(s -> "bearer".equals(s.get("scheme"))),
                "a bearer security scheme");

        List<String> faults = new ArrayList<>();
        map(doc.get("paths"))
                .forEach(
                        (path, item) ->
                                map(item)
                                        .forEach(
                                                (method, op) -> {
                                                    if (METHODS.contains(method)) {
                                                        check(path, method, map(op), doc, faults);
                                                    }
                                                }));
        assertEquals(List.of(), faults);
    }

    private static void check(
            String path,
            String method,
            Map<String, Object> op,
            Map<String, Object> doc,
            List<String> faults) {
        String name = method.toUpperCase() + " " + path;
        if (op.get("security") == null && doc.get("security") == null) {
            faults.add(name + ": no security requirement");
        }
        Map<String, Object> responses = map(op.get("responses"));
        if (!responses.containsKey("401")) {
            faults.add(name + ": no 401 answer");
        }
        String text = String.valueOf(responses);
        if (!text.contains("application/problem+json")
                && !text.contains("#/components/responses/")) {
            faults.add(name + ": errors not documented as problem+json");
        }
    }

    /**
     * The document SmallRye OpenAPI makes from the resource classes under {@code classes} by
     * annotation scanning alone: no static file, reader or filter.
     */
    static String scan(Path classes) throws Exception {
        Indexer indexer = new Indexer();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    indexer.index(in);
                }
            }
        }
        Index index = indexer.complete();
        ClassLoader loader = OpenApiContractTest.class.getClassLoader();
        return SmallRyeOpenAPI.builder()
                .withConfig(
                        new SmallRyeConfigBuilder()
                                .withSources(new PropertiesConfigSource(Map.of(), "scan", 0))
                                .build())
                .withIndex(index)
                .withApplicationClassLoader(loader)
                .withScannerClassLoader(loader)
                .enableModelReader(false)
                .enableStandardStaticFiles(false)
                .enableStandardFilter(false)
                .build()
                .toYAML();
    }

    static Set<String> operations(Map<String, Object> doc) {
        Set<String> found = new TreeSet<>();
        map(doc.get("paths"))
                .forEach(
                        (path, item) ->
                                map(item).keySet().stream()
                                        .filter(METHODS::contains)
                                        .forEach(m -> found.add(m.toUpperCase() + " " + path)));
        return found;
    }
}
