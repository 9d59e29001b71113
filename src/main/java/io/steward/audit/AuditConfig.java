package io.steward.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the chain writer links committed audit events into the hash chain. */
@ConfigMapping(prefix = "steward.audit")
public interface AuditConfig {

    /** Pause between background linking rounds ({@code STEWARD_AUDIT_LINK_INTERVAL}). */
    @WithDefault("PT0.2S")
    Duration linkInterval();

    /**
     * How long a reader of the chain (event list, verification) waits for another instance's writer
     * before it reads without linking first.
     */
    @WithDefault("PT5S")
    Duration linkWait();

    /**
     * How long a committed event may stay unlinked before verification calls the chain invalid
     * ({@code STEWARD_AUDIT_LINK_GRACE}), counted from the event's {@code at}.
     */
    @WithDefault("PT1M")
    Duration linkGrace();
}
