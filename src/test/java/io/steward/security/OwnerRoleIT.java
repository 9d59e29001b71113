package io.steward.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steward.support.PackagedApp;
import io.steward.support.TestKeys;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A deployment configured with one database role, the owner of the schema, for both the migrations
 * and the service (as every deployment was before the roles were split) will not start: it would
 * serve requests with a role that can drop the triggers protecting the records.
 */
class OwnerRoleIT {

    @Test
    void start_oneRoleForBoth_migrationRefusesNamingBothRoles() throws Exception {
        String out = refusedStart(ownerOnly());

        assertTrue(out.contains("QUARKUS_LIQUIBASE_USERNAME"), out);
        assertTrue(out.contains("QUARKUS_DATASOURCE_USERNAME"), out);
    }

    @Test
    void start_asTheOwnerWithMigrationsRunElsewhere_startCheckRefuses() throws Exception {
        migrate();
        Map<String, String> env = ownerOnly();
        env.put("QUARKUS_LIQUIBASE_MIGRATE_AT_START", "false");

        String out = refusedStart(env);

        assertTrue(out.contains("audit_event is owned by the role"), out);
        assertTrue(out.contains("QUARKUS_LIQUIBASE_USERNAME"), out);
    }

    /** Starts the service once as it should be deployed, so that every changeset has run. */
    private static void migrate() throws Exception {
        Map<String, String> env = PackagedApp.deploymentEnv();
        env.put("STEWARD_CRYPTO_MASTER_KEYSET", keyset());
        try (PackagedApp app = PackagedApp.start(env)) {
            assertTrue(app.awaitLine("Listening on", Duration.ofSeconds(120)), app.outputText());
        }
    }

    private static String keyset() {
        return TestKeys.DIR.resolve("master.json").toAbsolutePath().toString();
    }

    /** A deployment's environment whose only database role is the owner of the schema. */
    private static Map<String, String> ownerOnly() throws Exception {
        Map<String, String> env = PackagedApp.deploymentEnv();
        env.put("STEWARD_CRYPTO_MASTER_KEYSET", keyset());
        env.put("QUARKUS_DATASOURCE_USERNAME", env.remove("QUARKUS_LIQUIBASE_USERNAME"));
        env.put("QUARKUS_DATASOURCE_PASSWORD", env.remove("QUARKUS_LIQUIBASE_PASSWORD"));
        return env;
    }

    private static String refusedStart(Map<String, String> env) throws Exception {
        try (PackagedApp app = PackagedApp.start(env)) {
            Integer exit = app.awaitExit(Duration.ofSeconds(120));
            String out = app.outputText();
            assertNotNull(exit, "still running as the owner of the schema:\n" + out);
            assertNotEquals(0, exit, out);
            assertTrue(out.contains("STW-SEC-0003"), out);
            assertFalse(out.contains("Listening on"), out);
            return out;
        }
    }
}
