package io.steward.tools.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Supplier;

/**
 * Access tokens from the realm's token endpoint, by password grant (a person at the public client
 * {@code steward-cli}) or by client credentials (a script's confidential client). A token is
 * fetched again shortly before it expires, so long loads keep working.
 */
public final class TokenSource implements Supplier<String> {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final URI endpoint;
    private final Map<String, String> form;
    private String token;
    private Instant renewAt = Instant.EPOCH;

    private TokenSource(URI endpoint, Map<String, String> form) {
        this.endpoint = endpoint;
        this.form = form;
    }

    /** The token endpoint of realm {@code realm} on a Keycloak at {@code keycloak}. */
    public static URI endpoint(String keycloak, String realm) {
        return URI.create(
                keycloak.replaceAll("/+$", "")
                        + "/realms/"
                        + realm
                        + "/protocol/openid-connect/token");
    }

    public static TokenSource password(URI endpoint, String client, String user, String pass) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", client);
        form.put("username", user);
        form.put("password", pass);
        return new TokenSource(endpoint, form);
    }

    public static TokenSource clientCredentials(URI endpoint, String client, String secret) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", client);
        form.put("client_secret", secret);
        return new TokenSource(endpoint, form);
    }

    @Override
    public synchronized String get() {
        if (token == null || Instant.now().isAfter(renewAt)) {
            fetch();
        }
        return token;
    }

    /** A claim of the current token's payload, read without verifying (our own token). */
    public JsonNode claim(String name) {
        String payload = get().split("\\.")[1];
        try {
            return Api.JSON.readTree(Base64.getUrlDecoder().decode(payload)).path(name);
        } catch (IOException e) {
            throw new IllegalStateException("token payload is not JSON");
        }
    }

    private void fetch() {
        StringJoiner body = new StringJoiner("&");
        form.forEach((k, v) -> body.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest request =
                HttpRequest.newBuilder(endpoint)
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build();
        try {
            HttpResponse<String> response =
                    HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = Api.JSON.readTree(response.body());
            if (response.statusCode() != 200 || !json.hasNonNull("access_token")) {
                throw new IllegalStateException(
                        "no token for "
                                + who()
                                + ": "
                                + response.statusCode()
                                + " "
                                + json.path("error").asText()
                                + " "
                                + json.path("error_description").asText());
            }
            token = json.get("access_token").asText();
            long lifetime = json.path("expires_in").asLong(60);
            renewAt = Instant.now().plusSeconds(Math.max(5, lifetime - 30));
        } catch (IOException e) {
            throw new IllegalStateException("token endpoint unreachable: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    private String who() {
        return form.getOrDefault("username", form.get("client_id"));
    }
}
