package io.steward.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.steward.tools.city.Demo;
import io.steward.tools.city.Org;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The realm files under {@code k8s/keycloak}: the production realm has the contract's roles,
 * clients and claim and no people; the dev realm is the same realm plus demo users and dev-only
 * secrets, and its users' organizations are the demo network the loader builds.
 */
class RealmFilesTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Path PROD = Path.of("../k8s/keycloak/steward-realm.json");
    static final Path DEV = Path.of("../k8s/keycloak/dev/steward-realm-dev.json");
    static final Set<String> CONTRACT_ROLES =
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
    void productionRealm_rolesAreTheContractRoles() throws Exception {
        JsonNode realm = JSON.readTree(PROD.toFile());
        assertEquals("steward", realm.path("realm").asText());
        Set<String> roles = new HashSet<>();
        realm.path("roles").path("realm").forEach(r -> roles.add(r.path("name").asText()));
        assertEquals(CONTRACT_ROLES, roles);
    }

    @Test
    void productionRealm_hasNoPeopleAndNoSecrets() throws Exception {
        JsonNode realm = JSON.readTree(PROD.toFile());
        for (JsonNode user : realm.path("users")) {
            assertTrue(user.hasNonNull("serviceAccountClientId"), user.path("username").asText());
            assertFalse(user.has("credentials"));
        }
        realm.path("clients")
                .forEach(c -> assertFalse(c.has("secret"), c.path("clientId").asText()));
    }

    @Test
    void productionRealm_clientsAndOrgClaim() throws Exception {
        Map<String, JsonNode> clients = clients(JSON.readTree(PROD.toFile()));
        JsonNode cli = clients.get("steward-cli");
        assertTrue(cli.path("publicClient").asBoolean());
        assertTrue(cli.path("directAccessGrantsEnabled").asBoolean());
        for (String id : Set.of("steward-api", "steward-import")) {
            assertFalse(clients.get(id).path("publicClient").asBoolean(), id);
            assertTrue(clients.get(id).path("serviceAccountsEnabled").asBoolean(), id);
        }
        for (String id : Set.of("steward-cli", "steward-import")) {
            JsonNode org = mapper(clients.get(id), "org");
            assertNotNull(org, id);
            assertEquals("org", org.path("config").path("user.attribute").asText());
            assertEquals("org", org.path("config").path("claim.name").asText());
            assertEquals("true", org.path("config").path("access.token.claim").asText());
        }
    }

    @Test
    void productionRealm_userProfileDeclaresOrg_editableByAdminsOnly() throws Exception {
        JsonNode realm = JSON.readTree(PROD.toFile());
        JsonNode provider =
                realm.path("components")
                        .path("org.keycloak.userprofile.UserProfileProvider")
                        .path(0);
        JsonNode profile =
                JSON.readTree(
                        provider.path("config").path("kc.user.profile.config").path(0).asText());
        JsonNode org = null;
        for (JsonNode attribute : profile.path("attributes")) {
            if (attribute.path("name").asText().equals("org")) {
                org = attribute;
            }
        }
        assertNotNull(org, "the user profile declares org");
        assertEquals("[\"admin\"]", org.path("permissions").path("edit").toString());
    }

    @Test
    void devRealm_isTheProductionRealmPlusDemoUsersAndDevSecrets() throws Exception {
        ObjectNode prod = (ObjectNode) JSON.readTree(PROD.toFile());
        ObjectNode dev = (ObjectNode) JSON.readTree(DEV.toFile());
        for (ObjectNode realm : new ObjectNode[] {prod, dev}) {
            realm.remove("displayName");
            realm.remove("passwordPolicy");
            realm.remove("users");
            ((ArrayNode) realm.path("clients")).forEach(c -> ((ObjectNode) c).remove("secret"));
        }
        assertEquals(prod, dev);
    }

    @Test
    void devRealm_demoUsersCarryTheirRoleAndTheLoadersOrganizations() throws Exception {
        JsonNode dev = JSON.readTree(DEV.toFile());
        Map<String, String> roleOf = new HashMap<>();
        Map<String, String> orgOf = new HashMap<>();
        for (JsonNode user : dev.path("users")) {
            String name = user.path("username").asText();
            if (user.path("realmRoles").size() == 1) {
                roleOf.put(name, user.path("realmRoles").path(0).asText());
            }
            orgOf.put(name, user.path("attributes").path("org").path(0).asText(null));
        }
        assertEquals("city-admin", roleOf.get("demo-admin"));
        assertEquals("provider-staff", roleOf.get("demo-provider"));
        assertEquals("case-manager", roleOf.get("demo-casemanager"));
        assertEquals("district-steward", roleOf.get("demo-steward"));
        assertEquals("evaluator", roleOf.get("demo-evaluator"));
        assertEquals("dashboard", roleOf.get("demo-dashboard"));
        assertEquals("auditor", roleOf.get("demo-auditor"));
        assertEquals("guardian", roleOf.get("demo-guardian"));
        assertEquals(Demo.NORTHSIDE, orgOf.get("demo-casemanager"));
        assertEquals(Demo.DISTRICT, orgOf.get("demo-steward"));
        assertEquals(Demo.EVALUATOR, orgOf.get("demo-evaluator"));
        for (String user : Set.of("demo-admin", "demo-dashboard", "demo-auditor")) {
            assertEquals(Demo.CITY, orgOf.get(user), user);
        }
        Demo.PROVIDER_LOGIN.forEach((org, user) -> assertEquals(org, orgOf.get(user), user));
        Set<String> codes = new HashSet<>();
        Demo.ORGANIZATIONS.stream().map(Org::code).forEach(codes::add);
        orgOf.values().stream()
                .filter(o -> o != null)
                .forEach(o -> assertTrue(codes.contains(o), o));
    }

    private static Map<String, JsonNode> clients(JsonNode realm) {
        Map<String, JsonNode> clients = new HashMap<>();
        realm.path("clients").forEach(c -> clients.put(c.path("clientId").asText(), c));
        return clients;
    }

    private static JsonNode mapper(JsonNode client, String name) {
        for (JsonNode mapper : client.path("protocolMappers")) {
            if (mapper.path("name").asText().equals(name)) {
                return mapper;
            }
        }
        return null;
    }
}
