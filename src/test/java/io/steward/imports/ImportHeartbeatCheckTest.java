package io.steward.imports;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Settings under which a live holder could look stopped are refused at start. */
class ImportHeartbeatCheckTest {

    @Test
    void check_defaults_accepted() {
        assertDoesNotThrow(
                () -> ImportHeartbeat.check(Duration.ofSeconds(5), Duration.ofMinutes(1)));
    }

    @Test
    void check_staleAfterExactlyThreeBeats_accepted() {
        assertDoesNotThrow(
                () -> ImportHeartbeat.check(Duration.ofSeconds(5), Duration.ofSeconds(15)));
    }

    @Test
    void check_staleAfterUnderThreeBeats_refusedNamingBothSettings() {
        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class,
                        () ->
                                ImportHeartbeat.check(
                                        Duration.ofSeconds(5), Duration.ofMillis(14_999)));
        assertTrue(e.getMessage().startsWith("STW-IMPORT-0042"), e.getMessage());
        assertTrue(e.getMessage().contains("steward.imports.stale-after"), e.getMessage());
        assertTrue(e.getMessage().contains("steward.imports.heartbeat-interval"), e.getMessage());
    }

    @Test
    void check_zeroOrNegativeInterval_refused() {
        for (Duration interval : new Duration[] {Duration.ZERO, Duration.ofSeconds(-5)}) {
            IllegalStateException e =
                    assertThrows(
                            IllegalStateException.class,
                            () -> ImportHeartbeat.check(interval, Duration.ofMinutes(1)));
            assertTrue(e.getMessage().startsWith("STW-IMPORT-0041"), e.getMessage());
        }
    }

    @Test
    void check_zeroOrNegativeStaleAfter_refused() {
        for (Duration stale : new Duration[] {Duration.ZERO, Duration.ofMinutes(-1)}) {
            assertThrows(
                    IllegalStateException.class,
                    () -> ImportHeartbeat.check(Duration.ofSeconds(5), stale));
        }
    }
}
