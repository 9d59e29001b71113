package io.steward.attendance;

import static io.restassured.RestAssured.given;
import static io.steward.support.YouthFixtures.admin;
import static io.steward.support.YouthFixtures.body;
import static io.steward.support.YouthFixtures.provider;
import static io.steward.support.YouthFixtures.staff;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.steward.support.AuditRows;
import io.steward.support.YouthFixtures;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class AttendanceResourceTest {

    @Inject AgroalDataSource db;

    String org;
    String program;
    String youth;
    String other;

    @BeforeEach
    void programWithTwoYouth() {
        org = provider();
        program = YouthFixtures.program(org);
        youth = YouthFixtures.create(staff(org), body());
        other = YouthFixtures.create(staff(org), body());
        YouthFixtures.enroll(org, program, youth);
        YouthFixtures.enroll(org, program, other);
    }

    static Map<String, Object> entry(String participantId, String date, Object minutes) {
        return Map.of("participantId", participantId, "date", date, "minutes", minutes);
    }

    ValidatableResponse put(String token, Object body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .put("/api/v1/programs/" + program + "/attendance")
                .then();
    }

    List<Map<String, Object>> stored() {
        return given().auth()
                .oauth2(staff(org))
                .queryParam("limit", 500)
                .get("/api/v1/programs/" + program + "/attendance")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
    }

    @Test
    void put_sameKeyTwice_upsertsAndAudits() {
        long head = AuditRows.head(db);
        put(staff(org), List.of(entry(youth, "2025-10-01", 90), entry(other, "2025-10-01", 60)))
                .statusCode(200)
                .body("upserted", equalTo(2));
        put(staff(org), List.of(entry(youth, "2025-10-01", 45))).statusCode(200);

        List<Map<String, Object>> rows = stored();
        assertEquals(2, rows.size());
        Map<String, Object> mine =
                rows.stream().filter(r -> r.get("participantId").equals(youth)).findFirst().get();
        assertEquals(45, mine.get("minutes"));
        List<AuditRows.Row> writes = AuditRows.since(db, head, "attendance.write");
        assertEquals(2, writes.size());
        assertEquals(
                Set.of(UUID.fromString(youth), UUID.fromString(other)),
                new HashSet<>(writes.get(0).participantIds()));
    }

    @ParameterizedTest
    @CsvSource({
        "[1].minutes, 1441",
        "[1].minutes, -1",
        "[1].minutes, 1.5",
        "[1].minutes, ''",
        "[1].date, 2025-09-31",
        "[1].date, 10/02/2025",
        "[1].date, 2026-07-01",
        "[1].participantId, unknown",
        "[1].participantId, not-enrolled",
        "[1].date, duplicate",
        "[1].status, x",
    })
    void put_oneBadEntry_refusesAllAndNamesIt(String field, String value) {
        String unenrolled = YouthFixtures.create(staff(org), body());
        List<Object> body = new ArrayList<>();
        body.add(entry(youth, "2025-10-01", 30));
        Map<String, Object> bad = new java.util.HashMap<>(entry(other, "2025-10-02", 30));
        String key = field.substring(4);
        switch (value) {
            case "unknown" -> bad.put(key, UUID.randomUUID().toString());
            case "not-enrolled" -> bad.put(key, unenrolled);
            case "duplicate" -> bad.putAll(entry(youth, "2025-10-01", 20));
            case "" -> bad.remove(key);
            default -> bad.put(key, key.equals("minutes") ? Double.valueOf(value) : value);
        }
        if (key.equals("minutes") && !value.contains(".") && !value.isEmpty()) {
            bad.put(key, Integer.valueOf(value));
        }
        body.add(bad);

        put(staff(org), body).statusCode(400).body("errors.field", equalTo(List.of(field)));

        assertEquals(List.of(), stored());
    }

    @Test
    void put_dateAfterWithdrawal_isRefusedButEarlierDateAccepted() {
        String enrollment =
                YouthFixtures.enroll(org, program, YouthFixtures.create(staff(org), body()));
        String late =
                given().auth()
                        .oauth2(staff(org))
                        .get("/api/v1/programs/" + program + "/enrollments/" + enrollment)
                        .then()
                        .extract()
                        .path("participantId");
        given().auth()
                .oauth2(staff(org))
                .contentType(ContentType.JSON)
                .body(Map.of("endDate", "2025-12-19"))
                .post("/api/v1/programs/" + program + "/enrollments/" + enrollment + "/withdrawal")
                .then()
                .statusCode(200);

        put(staff(org), List.of(entry(late, "2026-01-05", 30)))
                .statusCode(400)
                .body("errors[0].field", equalTo("[0].participantId"));
        put(staff(org), List.of(entry(late, "2025-12-19", 30))).statusCode(200);
    }

    @Test
    void put_emptyOrNotAList_returns400() {
        put(staff(org), List.of()).statusCode(400).body("errors[0].field", equalTo("body"));
        put(staff(org), Map.of("participantId", youth)).statusCode(400);
    }

    @Test
    void put_byCityAdminOrOtherProvider_isRefused() {
        List<Object> body = List.of(entry(youth, "2025-10-01", 30));
        put(admin(), body).statusCode(403);
        put(staff(provider()), body).statusCode(404);
        assertEquals(List.of(), stored());
    }

    @Test
    void get_fromToAndPages_walkEachRecordOnce() {
        List<Object> body = new ArrayList<>();
        LocalDate day = LocalDate.parse("2025-10-01");
        for (int i = 0; i < 30; i++) {
            body.add(entry(youth, day.plusDays(i).toString(), i));
            body.add(entry(other, day.plusDays(i).toString(), i));
        }
        put(staff(org), body).statusCode(200).body("upserted", equalTo(60));
        long head = AuditRows.head(db);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request =
                    given().auth()
                            .oauth2(admin())
                            .queryParam("from", "2025-10-05")
                            .queryParam("to", "2025-10-14")
                            .queryParam("limit", 7);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page =
                    request.get("/api/v1/programs/" + program + "/attendance")
                            .then()
                            .statusCode(200)
                            .extract();
            List<Map<String, Object>> items = page.path("items");
            for (Map<String, Object> item : items) {
                String key = item.get("participantId") + "/" + item.get("date");
                assertTrue(!seen.contains(key), "served twice: " + key);
                seen.add(key);
            }
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 100);

        assertEquals(20, seen.size());
        assertEquals(3, pages);
        for (String key : seen) {
            String date = key.substring(key.indexOf('/') + 1);
            assertTrue(date.compareTo("2025-10-05") >= 0 && date.compareTo("2025-10-14") <= 0);
        }
        assertEquals(3, AuditRows.since(db, head, "attendance.list").size());
    }

    @ParameterizedTest
    @CsvSource({
        "from, 2021-09-31",
        "from, 02/30/2015",
        "to, 2025-13-01",
        "to, 2025-09-01",
        "limit, 0",
        "cursor, Zm9v"
    })
    void get_badQuery_returns400NamingIt(String parameter, String value) {
        var request = given().auth().oauth2(staff(org)).queryParam(parameter, value);
        if (!parameter.equals("from")) {
            request.queryParam("from", "2025-10-01");
        }
        request.get("/api/v1/programs/" + program + "/attendance")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo(parameter));
    }

    @Test
    void get_otherProvider_returns404() {
        given().auth()
                .oauth2(staff(provider()))
                .get("/api/v1/programs/" + program + "/attendance")
                .then()
                .statusCode(404);
    }
}
