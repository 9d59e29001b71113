package io.steward.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code openapi/openapi.yaml} and the document the service serves list the same operations. On
 * failure the message names every difference, and the served document is left at {@code
 * target/openapi-served.yaml} to compare with ({@code scripts/openapi-check}).
 */
@QuarkusTest
class OpenApiContractTest {

    static final Path FILE = Path.of("openapi", "openapi.yaml");
    static final Path SERVED = Path.of("target", "openapi-served.yaml");
    static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    @Test
    void openapiFile_comparedWithServedDocument_listsTheSameOperations() throws Exception {
        String served = given().get("/q/openapi").then().statusCode(200).extract().asString();
        Files.writeString(SERVED, served);

        Set<String> inService = operations(load(served));
        Set<String> inFile = operations(load(Files.readString(FILE)));

        Set<String> missing = new TreeSet<>(inService);
        missing.removeAll(inFile);
        Set<String> stale = new TreeSet<>(inFile);
        stale.removeAll(inService);
        assertTrue(
                missing.isEmpty() && stale.isEmpty(),
                "openapi/openapi.yaml differs from the served document ("
                        + SERVED
                        + ").\n  served but not documented: "
                        + missing
                        + "\n  documented but not served: "
                        + stale);
    }

    @Test
    void openapiFile_everyApiOperation_isSecuredAndAnswersProblems() throws Exception {
        Map<String, Object> doc = load(Files.readString(FILE));
        Map<String, Object> components = map(doc.get("components"));
        assertTrue(map(components.get("schemas")).containsKey("Problem"), "Problem schema");
        Map<String, Object> schemes = map(components.get("securitySchemes"));
        assertTrue(
                schemes.values().stream()
                        .map(OpenApiContractTest::map)
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

    static Map<String, Object> load(String text) {
        return new Yaml().load(text);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
