package io.steward.outcomes;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Disclosure control settings for outcomes. */
@ConfigMapping(prefix = "steward.outcomes")
public interface OutcomeConfig {

    /**
     * The smallest number of youth a shown cell of a program-data metric may count. School data use
     * the minimum of the agreement they came under instead.
     */
    @WithDefault("10")
    int minimumCellSize();
}
