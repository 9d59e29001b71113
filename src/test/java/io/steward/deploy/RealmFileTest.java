package io.steward.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Keycloak realm files under {@code k8s/keycloak}, when present: the contract's roles, the
 * {@code steward-cli} client, the {@code org} claim, and demo users only in a dev variant. With no
 * realm file in the repository there is nothing to check and the test passes.
 */
class RealmFileTest {

    static final Path DIR = Yamls.K8S.resolve("keycloak");
    static final Set<String> ROLES =
            Set.of(
                    "city-admin",
                    "provider-staff",
                    "case-manager",
                    "district-steward",
                    "evaluator",
                    "dashboard",
                    "auditor",
                    "guardian");

    @Test
    void realmFiles_whenPresent_carryTheContract() throws Exception {
        for (Path file : realmFiles()) {
            JsonNode realm = new ObjectMapper().readTree(file.toFile());
            if (!realm.has("realm")) {
                continue;
            }
            assertEquals("steward", realm.get("realm").asText(), file + ": realm name");
            Set<String> roles = new HashSet<>();
            realm.path("roles").path("realm").forEach(r -> roles.add(r.path("name").asText()));
            assertTrue(roles.containsAll(ROLES), file + ": realm roles " + roles);

            JsonNode cli = client(realm, "steward-cli");
            assertTrue(cli != null, file + ": client steward-cli");
            assertTrue(cli.path("publicClient").asBoolean(), file + ": steward-cli is public");
            assertTrue(cli.path("directAccessGrantsEnabled").asBoolean(), file + ": direct grants");

            assertTrue(
                    hasOrgMapper(realm), file + ": a mapper from user attribute org to claim org");
            boolean dev = file.getFileName().toString().contains("dev");
            if (!dev) {
                for (JsonNode user : realm.path("users")) {
                    assertTrue(
                            user.path("credentials").isEmpty(),
                            file + ": a user with a password outside the dev realm");
                }
            }
        }
    }

    static List<Path> realmFiles() throws Exception {
        if (!Files.isDirectory(DIR)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(DIR)) {
            return new ArrayList<>(files.filter(f -> f.toString().endsWith(".json")).toList());
        }
    }

    static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (clientId.equals(client.path("clientId").asText())) {
                return client;
            }
        }
        return null;
    }

    /** Any protocol mapper, on a client or a client scope, from attribute org to claim org. */
    static boolean hasOrgMapper(JsonNode node) {
        if (node.isObject() && node.has("protocolMappers")) {
            for (JsonNode mapper : node.get("protocolMappers")) {
                JsonNode config = mapper.path("config");
                if ("org".equals(config.path("user.attribute").asText())
                        && "org".equals(config.path("claim.name").asText())) {
                    return true;
                }
            }
        }
        for (JsonNode child : node) {
            if (hasOrgMapper(child)) {
                return true;
            }
        }
        return false;
    }
}
