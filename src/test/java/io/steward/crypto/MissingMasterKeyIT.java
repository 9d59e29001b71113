package io.steward.crypto;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steward.support.PackagedApp;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The packaged service in the {@code prod} profile will not start without a master key. */
class MissingMasterKeyIT {

    @Test
    void start_prodWithoutMasterKey_exitsNamingBothVariables() throws Exception {
        Map<String, String> env = PackagedApp.deploymentEnv();
        env.put("STEWARD_CRYPTO_MASTER_KEYSET", "");

        try (PackagedApp app = PackagedApp.start(env)) {
            Integer exit = app.awaitExit(Duration.ofSeconds(120));
            String out = app.outputText();
            assertNotNull(exit, "still running without a master key:\n" + out);
            assertNotEquals(0, exit, out);
            assertTrue(out.contains("STW-CRYPTO-0001"), out);
            assertTrue(out.contains("STEWARD_CRYPTO_MASTER_KEYSET"), out);
            assertTrue(out.contains("STEWARD_CRYPTO_KMS_URI"), out);
            assertTrue(!out.contains("Listening on"), out);
        }
    }
}
