package io.steward.tools.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A stand-in for Keycloak's token endpoint and the contract's paths, on loopback, that records
 * every call with the login whose token made it. It checks nothing itself; tests read {@link
 * #calls}.
 */
final class FakeSteward implements AutoCloseable {

    record Call(String method, String path, String user, String contentType, String body) {}

    final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> organizations = Collections.synchronizedSet(new HashSet<>());
    private final HttpServer server;

    FakeSteward() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (path.endsWith("/protocol/openid-connect/token")) {
            String user = form(body, "username");
            String subject = user == null ? "service-" + form(body, "client_id") : user;
            answer(exchange, 200, "{\"access_token\":\"" + jwt(subject) + "\",\"expires_in\":300}");
            return;
        }
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String user = auth == null ? null : subject(auth.substring("Bearer ".length()));
        String query = exchange.getRequestURI().getRawQuery();
        calls.add(
                new Call(
                        method,
                        path + (query == null ? "" : "?" + query),
                        user,
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        body));
        String id = UUID.randomUUID().toString();
        if (method.equals("GET") && path.startsWith("/api/v1/organizations/")) {
            boolean known = organizations.contains(path.substring(path.lastIndexOf('/') + 1));
            answer(exchange, known ? 200 : 404, "{}");
        } else if (method.equals("POST") && path.equals("/api/v1/organizations")) {
            organizations.add(Api.JSON.readTree(body).get("code").asText());
            answer(exchange, 201, "{}");
        } else if (method.equals("GET") && path.equals("/api/v1/programs")) {
            answer(exchange, 200, "{\"items\":[],\"nextCursor\":null}");
        } else if (method.equals("POST") && path.equals("/api/v1/imports/enrollments")) {
            answer(exchange, 202, "{\"id\":\"" + id + "\",\"status\":\"PENDING\"}");
        } else if (method.equals("GET") && path.startsWith("/api/v1/imports/")) {
            answer(exchange, 200, "{\"status\":\"SUCCEEDED\",\"totalRows\":1,\"processedRows\":1}");
        } else if (method.equals("GET") && path.equals("/api/v1/participants")) {
            answer(exchange, 200, "{\"items\":[{\"id\":\"" + id + "\"}],\"nextCursor\":null}");
        } else if (method.equals("PUT")) {
            answer(exchange, 200, "{}");
        } else if (method.equals("POST")) {
            answer(exchange, path.endsWith("/signature") ? 200 : 201, "{\"id\":\"" + id + "\"}");
        } else {
            answer(exchange, 404, "{}");
        }
    }

    static String jwt(String subject) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String payload = "{\"sub\":\"" + subject + "\"}";
        return b64.encodeToString("{}".getBytes(StandardCharsets.UTF_8))
                + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + ".sig";
    }

    private static String subject(String token) throws IOException {
        JsonNode payload = Api.JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        return payload.path("sub").asText();
    }

    private static String form(String body, String name) {
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(name)) {
                return URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
