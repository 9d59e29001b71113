package io.steward.outcomes.extract;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of de-identified extracts. */
@ConfigMapping(prefix = "steward.extract")
public interface ExtractConfig {

    /**
     * The largest share of an extract's rows (0 to 1) that may be dropped instead of generalizing
     * the quasi-identifiers further.
     */
    @WithDefault("0.1")
    double maxSuppressedShare();
}
