package io.steward.participants;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How many refused matches {@code POST /participants} allows before answering 429; bulk imports
 * apply the same limit to their rows.
 */
@ConfigMapping(prefix = "steward.participants.match-limit")
public interface MatchLimitConfig {

    /** Refused matches of one natural key, by anyone, within the window; then 429 for the key. */
    @WithDefault("5")
    int perKey();

    /** Refused matches by one caller (token subject), any key, within the window; then 429. */
    @WithDefault("20")
    int perCaller();

    /** How far back refusals count: from one minute to 30 days. */
    @WithDefault("PT24H")
    Duration window();
}
