package io.steward.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.steward.support.OpenApiDocument;
import io.steward.support.PackagedApp;
import io.steward.support.SelfSignedCert;
import io.steward.support.TestKeys;
import io.steward.support.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The packaged service started as a deployment starts it, with only the documented environment:
 * HTTPS from a PEM certificate and key, the API document as written, JSON logs, a request log
 * without query strings, and a database connection that insists on {@code sslmode=verify-full} when
 * told to.
 */
class PackagedServiceIT {

    static final Path CERTS = Path.of("target", "test-tls");
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void start_withDocumentedEnvironmentAndCertificate_servesTheApiOverHttpsOnly()
            throws Exception {
        SelfSignedCert cert = SelfSignedCert.create(CERTS);
        int https = PackagedApp.freePort();
        Map<String, String> env = PackagedApp.deploymentEnv();
        String http = env.get("QUARKUS_HTTP_PORT");
        env.put("STEWARD_CRYPTO_MASTER_KEYSET", abs(TestKeys.DIR.resolve("master.json")));
        env.put("QUARKUS_HTTP_SSL_PORT", String.valueOf(https));
        env.put("QUARKUS_HTTP_SSL_CERTIFICATE_FILES", abs(cert.certificate()));
        env.put("QUARKUS_HTTP_SSL_CERTIFICATE_KEY_FILES", abs(cert.key()));
        env.put("QUARKUS_HTTP_INSECURE_REQUESTS", "disabled");

        try (PackagedApp app = PackagedApp.start(env)) {
            assertTrue(app.awaitLine("Listening on", Duration.ofSeconds(120)), app.outputText());
            HttpClient client =
                    HttpClient.newBuilder()
                            .sslContext(cert.clientContext())
                            .version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(Duration.ofSeconds(10))
                            .build();
            String base = "https://localhost:" + https;

            HttpResponse<String> ready = send(client, get(base + "/q/health/ready").build());
            assertEquals(200, ready.statusCode(), ready.body());
            assertTrue(ready.body().contains("Database"), ready.body());

            HttpResponse<String> api = send(client, get(base + "/q/openapi").build());
            assertEquals(200, api.statusCode(), api.body());
            assertEquals(
                    List.of(),
                    OpenApiDocument.differences(
                            OpenApiDocument.file(), OpenApiDocument.yaml(api.body())),
                    "/q/openapi serves openapi/openapi.yaml");

            String code = "IT-" + UUID.randomUUID().toString().substring(0, 8);
            String admin = Tokens.of("city-admin", "CITY");
            HttpResponse<String> created =
                    send(
                            client,
                            HttpRequest.newBuilder(URI.create(base + "/api/v1/organizations"))
                                    .header("Authorization", "Bearer " + admin)
                                    .header("Content-Type", "application/json")
                                    .POST(
                                            HttpRequest.BodyPublishers.ofString(
                                                    "{\"code\":\""
                                                            + code
                                                            + "\",\"name\":\"Packaged\","
                                                            + "\"type\":\"PROVIDER\"}"))
                                    .build());
            assertEquals(201, created.statusCode(), created.body());

            String id = "it-" + UUID.randomUUID().toString().substring(0, 8);
            HttpResponse<String> listed =
                    send(
                            client,
                            get(base + "/api/v1/organizations?districtStudentId=S-554433")
                                    .header("Authorization", "Bearer " + admin)
                                    .header("X-Correlation-Id", id)
                                    .build());
            assertEquals(200, listed.statusCode(), listed.body());

            HttpClient plain = HttpClient.newBuilder().build();
            assertThrows(
                    IOException.class,
                    () -> send(plain, get("http://127.0.0.1:" + http + "/q/health/live").build()),
                    "plain HTTP must be off");

            assertTrue(app.awaitLine(id, Duration.ofSeconds(10)), app.outputText());
            assertLogs(app, id, admin);
        }
    }

    private static void assertLogs(PackagedApp app, String id, String token) throws Exception {
        JsonNode access = null;
        for (String line : app.output()) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode record;
            try {
                record = JSON.readTree(line);
            } catch (IOException e) {
                throw new AssertionError("not a JSON log record: " + line);
            }
            assertNotNull(record.get("message"), "a JSON log record: " + line);
            if (record.get("message").asText().contains(id)) {
                access = record;
            }
        }
        assertNotNull(access, "access log record");
        assertEquals("io.quarkus.http.access-log", access.get("loggerName").asText());
        assertTrue(
                access.get("message")
                        .asText()
                        .matches("GET /api/v1/organizations 200 \\d+ms correlationId=" + id),
                access.toString());
        String all = app.outputText();
        assertFalse(all.contains("S-554433"), "a query value reached the logs");
        assertFalse(all.contains(token.substring(token.length() - 20)), "a token reached the logs");
    }

    @Test
    void start_withVerifyFullAndAnUnverifiableDatabase_refusesToStart() throws Exception {
        SelfSignedCert cert = SelfSignedCert.create(CERTS.resolve("other-ca"));
        Map<String, String> env = PackagedApp.deploymentEnv();
        env.put("STEWARD_CRYPTO_MASTER_KEYSET", abs(TestKeys.DIR.resolve("master.json")));
        env.put(
                "QUARKUS_DATASOURCE_JDBC_URL",
                env.get("QUARKUS_DATASOURCE_JDBC_URL")
                        + "?sslmode=verify-full&sslrootcert="
                        + abs(cert.certificate()));

        try (PackagedApp app = PackagedApp.start(env)) {
            Integer exit = app.awaitExit(Duration.ofSeconds(120));
            String out = app.outputText();
            assertNotNull(exit, "started against a database it cannot verify:\n" + out);
            assertNotEquals(0, exit, out);
            assertTrue(out.contains("SSL"), out);
            assertFalse(out.contains(env.get("QUARKUS_DATASOURCE_PASSWORD") + "@"), out);
        }
    }

    private static HttpRequest.Builder get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request)
            throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String abs(Path path) {
        return path.toAbsolutePath().toString();
    }
}
