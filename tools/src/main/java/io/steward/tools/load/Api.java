package io.steward.tools.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The Steward public API over HTTP, with a bearer token from a {@link TokenSource}. */
public final class Api {

    public static final ObjectMapper JSON =
            new ObjectMapper()
                    .registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** An answer: status and JSON body (a {@link NullNode} when there is none). */
    public record Answer(int status, JsonNode body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;

    public Api(URI base) {
        this.base = base;
    }

    public Answer get(Supplier<String> token, String path) {
        return send(token, "GET", path, null, null, Map.of());
    }

    public Answer postJson(Supplier<String> token, String path, Object body) {
        return send(token, "POST", path, "application/json", json(body), Map.of());
    }

    public Answer putJson(Supplier<String> token, String path, Object body) {
        return send(token, "PUT", path, "application/json", json(body), Map.of());
    }

    /** Sends a request and answers whatever status came back. */
    public Answer send(
            Supplier<String> token,
            String method,
            String path,
            String contentType,
            byte[] body,
            Map<String, String> headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(base.resolve(path))
                        .timeout(Duration.ofMinutes(2))
                        .header("Accept", "application/json, application/problem+json")
                        .header("Authorization", "Bearer " + token.get());
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType)
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        }
        try {
            HttpResponse<byte[]> response =
                    http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] bytes = response.body();
            JsonNode json =
                    bytes.length == 0
                            ? NullNode.getInstance()
                            : parse(bytes, response.statusCode());
            return new Answer(response.statusCode(), json);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    /** Fails unless the answer has one of the expected statuses. */
    public static Answer expect(String what, Answer answer, int... statuses) {
        for (int status : statuses) {
            if (answer.status() == status) {
                return answer;
            }
        }
        throw new ApiException("", what, answer.status(), answer.body());
    }

    /** Every item of a paged list, following {@code nextCursor}. */
    public List<JsonNode> all(Supplier<String> token, String path) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            String sep = path.contains("?") ? "&" : "?";
            String page =
                    path + sep + "limit=500" + (cursor == null ? "" : "&cursor=" + query(cursor));
            JsonNode body = expect("GET " + path, get(token, page), 200).body();
            body.path("items").forEach(items::add);
            JsonNode next = body.get("nextCursor");
            cursor = next == null || next.isNull() ? null : next.asText();
        } while (cursor != null);
        return items;
    }

    public static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static byte[] json(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(byte[] bytes, int status) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode("(" + bytes.length + " bytes, not JSON)");
        }
    }
}
