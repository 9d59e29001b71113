package io.steward.tools.load;

import io.steward.tools.city.Demo;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * The demo logins of the dev realm, each as a {@link TokenSource} by password grant at the public
 * client {@code steward-cli}. The password is the dev realm's demo password; no other realm has
 * these users.
 */
public final class Logins {

    public static final String CLI_CLIENT = "steward-cli";

    private final URI endpoint;
    private final String password;
    private final Map<String, TokenSource> byUser = new HashMap<>();

    public Logins(URI endpoint, String password) {
        this.endpoint = endpoint;
        this.password = password;
    }

    public synchronized TokenSource user(String username) {
        return byUser.computeIfAbsent(
                username, u -> TokenSource.password(endpoint, CLI_CLIENT, u, password));
    }

    public TokenSource admin() {
        return user("demo-admin");
    }

    public TokenSource steward() {
        return user("demo-steward");
    }

    public TokenSource guardian() {
        return user("demo-guardian");
    }

    /** Staff of a demo provider. */
    public TokenSource provider(String providerCode) {
        String login = Demo.PROVIDER_LOGIN.get(providerCode);
        if (login == null) {
            throw new IllegalArgumentException("no demo login for provider " + providerCode);
        }
        return user(login);
    }
}
