package io.steward.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * How the service reaches the realm's admin API (for the security report only). A confidential
 * client with a service account holding realm-management view-users, query-users and view-events;
 * absent settings mean the report says the directory is not connected.
 */
@ConfigMapping(prefix = "steward.keycloak")
public interface KeycloakConfig {

    /** Base URL of Keycloak, e.g. {@code http://127.0.0.1:8180}. */
    Optional<String> serverUrl();

    @WithDefault("steward")
    String realm();

    @WithDefault("steward-api")
    String clientId();

    Optional<String> clientSecret();

    /** Accounts with no login for this many days are reported as stale. */
    @WithDefault("90")
    int staleAfterDays();
}
