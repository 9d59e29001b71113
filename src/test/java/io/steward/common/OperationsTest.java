package io.steward.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.steward.support.Tokens;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** Health with the database, Prometheus metrics, and a request log that holds no query text. */
@QuarkusTest
class OperationsTest {

    @Test
    void live_always_returnsUp() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void ready_withDatabase_listsTheDatabaseCheckUp() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.find { it.name.contains('Database') }.status", equalTo("UP"));
    }

    @Test
    void metrics_afterARequest_exposesHttpServerTimersByTemplate() {
        given().auth()
                .oauth2(Tokens.of("dashboard", null))
                .get("/api/v1/organizations/SOME-CODE-" + UUID.randomUUID())
                .then()
                .statusCode(404);
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .contentType(containsString("text"))
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("uri=\"/api/v1/organizations/{code}\""))
                .body(not(containsString("SOME-CODE-")));
    }

    @Test
    void accessLog_requestWithQuery_logsPathStatusAndIdButNoQuery() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture =
                new Handler() {
                    @Override
                    public void publish(LogRecord record) {
                        lines.add(record.getMessage());
                    }

                    @Override
                    public void flush() {}

                    @Override
                    public void close() {}
                };
        Logger accessLog = Logger.getLogger("io.quarkus.http.access-log");
        accessLog.addHandler(capture);
        String id = "access-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            given().auth()
                    .oauth2(Tokens.of("dashboard", null))
                    .header("X-Correlation-Id", id)
                    .queryParam("districtStudentId", "S-998877")
                    .queryParam("limit", "2")
                    .get("/api/v1/organizations")
                    .then()
                    .statusCode(200);
            for (int i = 0; i < 50 && lines.stream().noneMatch(l -> l.contains(id)); i++) {
                Thread.sleep(100);
            }
        } finally {
            accessLog.removeHandler(capture);
        }
        String line = lines.stream().filter(l -> l.contains(id)).findFirst().orElse("");
        assertTrue(
                line.matches("GET /api/v1/organizations 200 \\d+ms correlationId=" + id),
                "access log line: " + line);
        assertFalse(line.contains("S-998877") || line.contains("?"), line);
        assertFalse(line.contains("Bearer"), line);
    }
}
