package io.steward.security;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steward.support.PackagedApp;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The packaged service in the {@code prod} profile will not start without its realm. */
class MissingRealmIT {

    @Test
    void start_prodWithoutIssuer_exitsNamingTheVariables() throws Exception {
        Map<String, String> env = PackagedApp.deploymentEnv();
        env.put("STEWARD_CRYPTO_MASTER_KEYSET", keyset());
        env.remove("MP_JWT_VERIFY_ISSUER");

        try (PackagedApp app = PackagedApp.start(env)) {
            Integer exit = app.awaitExit(Duration.ofSeconds(120));
            String out = app.outputText();
            assertNotNull(exit, "still running without a realm issuer:\n" + out);
            assertNotEquals(0, exit, out);
            assertTrue(out.contains("STW-SEC-0002"), out);
            assertTrue(out.contains("MP_JWT_VERIFY_PUBLICKEY_LOCATION"), out);
            assertTrue(out.contains("MP_JWT_VERIFY_ISSUER"), out);
            assertTrue(!out.contains("Listening on"), out);
        }
    }

    private static String keyset() {
        io.steward.support.TestKeys.ensure();
        return io.steward.support.TestKeys.DIR.resolve("master.json").toAbsolutePath().toString();
    }
}
