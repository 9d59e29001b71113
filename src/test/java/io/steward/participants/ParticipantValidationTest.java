package io.steward.participants;

import static io.steward.support.YouthFixtures.body;
import static io.steward.support.YouthFixtures.provider;
import static io.steward.support.YouthFixtures.staff;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad youth bodies: 400 naming the field, never echoing the value, and nothing stored. */
@QuarkusTest
class ParticipantValidationTest {

    @Inject AgroalDataSource db;

    @TestHTTPResource("/api/v1/participants")
    URI participants;

    static Arguments bad(String field, Consumer<Map<String, Object>> change) {
        return Arguments.of(field, change);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> guardian(Map<String, Object> body) {
        return ((List<Map<String, Object>>) body.get("guardians")).get(0);
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                bad("dateOfBirth", b -> b.put("dateOfBirth", "2021-09-31")),
                bad("dateOfBirth", b -> b.put("dateOfBirth", "02/30/2015")),
                bad("dateOfBirth", b -> b.put("dateOfBirth", "2015-02-30")),
                bad("dateOfBirth", b -> b.put("dateOfBirth", "2015-2-3")),
                bad("dateOfBirth", b -> b.put("dateOfBirth", 20150203)),
                bad("dateOfBirth", b -> b.put("dateOfBirth", "2999-01-01")),
                bad("dateOfBirth", b -> b.remove("dateOfBirth")),
                bad("gradeLevel", b -> b.put("gradeLevel", "13")),
                bad("gradeLevel", b -> b.put("gradeLevel", "k")),
                bad("gradeLevel", b -> b.put("gradeLevel", "0")),
                bad("gradeLevel", b -> b.put("gradeLevel", 5)),
                bad("id", b -> b.put("id", "3f1c6d1e-0000-4000-8000-000000000000")),
                bad("status", b -> b.put("status", "ACTIVE")),
                bad("createdAt", b -> b.put("createdAt", "2025-01-01T00:00:00Z")),
                bad("nickname", b -> b.put("nickname", "Zed")),
                bad("firstName", b -> b.put("firstName", "F".repeat(101))),
                bad("firstName", b -> b.put("firstName", " \u00a0 ")),
                bad("firstName", b -> b.put("firstName", "Tab\tName")),
                bad("firstName", b -> b.put("firstName", "\u200b\u3000")),
                bad("firstName", b -> b.put("firstName", 42)),
                bad("lastName", b -> b.remove("lastName")),
                bad("districtCode", b -> b.put("districtCode", "D".repeat(41))),
                bad("districtCode", b -> b.put("districtCode", "Dist rict")),
                bad("districtStudentId", b -> b.put("districtStudentId", "9".repeat(65))),
                bad("districtStudentId", b -> b.remove("districtStudentId")),
                bad("districtCode", b -> b.remove("districtCode")),
                bad("guardians", b -> b.remove("guardians")),
                bad("guardians[0].name", b -> guardian(b).put("name", "G".repeat(201))),
                bad("guardians[0].relationship", b -> guardian(b).remove("relationship")),
                bad("guardians[0].email", b -> guardian(b).put("email", "not-an-email")),
                bad("guardians[0].phone", b -> guardian(b).put("phone", "call me")),
                bad("guardians[0].id", b -> guardian(b).put("id", "x")));
    }

    @ParameterizedTest
    @MethodSource("badBodies")
    void create_badField_returns400NamingFieldAndStoresNothing(
            String field, Consumer<Map<String, Object>> change) throws SQLException {
        Map<String, Object> body = body();
        change.accept(body);
        long before = count("participant") + count("guardian");

        ExtractableResponse<Response> answer =
                ParticipantResourceTest.post(staff(provider()), body);

        assertEquals(400, answer.statusCode(), answer.asString());
        assertEquals("application/problem+json", answer.contentType());
        List<String> fields = answer.path("errors.field");
        assertEquals(List.of(field), fields);
        for (Object value : values(body)) {
            String text = String.valueOf(value);
            if (text.length() > 6) {
                assertFalse(answer.asString().contains(text), "the error echoes a value");
            }
        }
        assertEquals(before, count("participant") + count("guardian"));
    }

    @Test
    void create_chunkedBodyOverTheJsonLimit_returns413AndStoresNothing() throws Exception {
        // Sent chunked, without a Content-Length, so only the cap on the body's stream can refuse
        // it; the value is a name, whose reader must not turn the refusal into "wrong shape".
        byte[] big =
                ("{\"firstName\":\"" + "a".repeat(3 * 1024 * 1024) + "\",\"lastName\":\"Ng\"}")
                        .getBytes(StandardCharsets.UTF_8);
        long before = count("participant") + count("guardian");
        HttpRequest request =
                HttpRequest.newBuilder(participants)
                        .version(HttpClient.Version.HTTP_1_1)
                        .header("Authorization", "Bearer " + staff(provider()))
                        .header("Content-Type", "application/json")
                        .POST(
                                HttpRequest.BodyPublishers.ofInputStream(
                                        () -> new ByteArrayInputStream(big)))
                        .build();

        HttpResponse<String> answer =
                HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(413, answer.statusCode(), answer.body());
        assertEquals(
                "application/problem+json", answer.headers().firstValue("Content-Type").orElse(""));
        assertTrue(
                answer.body().contains("https://steward.example/problems/payload-too-large"),
                answer.body());
        assertEquals(before, count("participant") + count("guardian"));
    }

    private static List<Object> values(Map<String, Object> body) {
        List<Object> values = new ArrayList<>(body.values());
        if (body.get("guardians") != null) {
            values.addAll(guardian(body).values());
        }
        return values;
    }

    private long count(String table) throws SQLException {
        try (Connection c = db.getConnection();
                ResultSet rs = c.createStatement().executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
