package io.steward.imports;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steward.support.PackagedApp;
import io.steward.support.TestKeys;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The packaged service will not start with a stale timeout a live replica could miss. */
class ImportHeartbeatConfigIT {

    @Test
    void start_staleAfterShorterThanThreeHeartbeats_exitsNamingTheSetting() throws Exception {
        TestKeys.ensure();
        Map<String, String> env = PackagedApp.deploymentEnv();
        env.put(
                "STEWARD_CRYPTO_MASTER_KEYSET",
                TestKeys.DIR.resolve("master.json").toAbsolutePath().toString());
        env.put("STEWARD_IMPORTS_HEARTBEAT_INTERVAL", "PT5S");
        env.put("STEWARD_IMPORTS_STALE_AFTER", "PT10S");

        try (PackagedApp app = PackagedApp.start(env)) {
            Integer exit = app.awaitExit(Duration.ofSeconds(120));
            String out = app.outputText();
            assertNotNull(exit, "still running with a stale timeout of two heartbeats:\n" + out);
            assertNotEquals(0, exit, out);
            assertTrue(out.contains("STW-IMPORT-0042"), out);
            assertTrue(!out.contains("Listening on"), out);
        }
    }
}
