package io.steward.common;

import static io.restassured.RestAssured.given;
import static io.steward.common.ProblemTest.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.steward.support.ReadWorld;
import io.steward.support.Tokens;
import io.steward.support.Youth;
import io.steward.support.YouthFixtures;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A cursor belongs to the walk that gave it out: the list, and the path id and filters it was asked
 * with. Given to any other list, or to the same list for another program, youth or filter, it is a
 * 400 naming {@code cursor}; given back to its own walk it goes on. {@code limit} is a whole number
 * written in plain digits.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagingTest {

    static final String BAD_CURSOR = "is not a cursor this list gave out";
    static final String BAD_LIMIT = "must be a whole number from 1 to 500";

    /** One paged list as a client asks for it: who, which path, which filters. */
    record Walk(String name, Supplier<String> token, String path, Map<String, String> filters) {

        RequestSpecification request() {
            RequestSpecification request = given().auth().oauth2(token.get());
            filters.forEach(request::queryParam);
            return request.queryParam("limit", 1);
        }

        Response page(String cursor) {
            RequestSpecification request = request();
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            return request.get(path);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @Inject Youth youth;

    ReadWorld w1;
    ReadWorld w2;
    final Map<String, Walk> walks = new LinkedHashMap<>();
    final Map<String, String> cursors = new LinkedHashMap<>();

    @BeforeEach
    void world() {
        if (w1 != null) {
            return;
        }
        w1 = new ReadWorld(youth);
        w2 = new ReadWorld(youth);
        // One guardian may read both youth's records, so that only the cursor differs.
        youth.linkGuardian(w2.y, w1.g);
        String guardian = w1.token("guardianG");
        for (UUID y : List.of(w1.y, w2.y)) {
            for (int page = 0; page < 2; page++) {
                readRecords(guardian, y); // each page with data is a disclosure
            }
        }

        String org = YouthFixtures.provider();
        String programA = YouthFixtures.program(org);
        String programB = YouthFixtures.program(org);
        List<String> kids = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String kid = YouthFixtures.create(YouthFixtures.staff(org), YouthFixtures.body());
            YouthFixtures.enroll(org, programA, kid);
            YouthFixtures.enroll(org, programB, kid);
            kids.add(kid);
        }
        for (String program : List.of(programA, programB)) {
            given().auth()
                    .oauth2(YouthFixtures.staff(org))
                    .contentType(ContentType.JSON)
                    .body(
                            kids.stream()
                                    .map(
                                            k ->
                                                    Map.of(
                                                            "participantId",
                                                            k,
                                                            "date",
                                                            "2025-10-01",
                                                            "minutes",
                                                            60))
                                    .toList())
                    .put("/api/v1/programs/" + program + "/attendance")
                    .then()
                    .statusCode(200);
        }
        for (int i = 0; i < 2; i++) {
            incident();
        }

        Supplier<String> admin = () -> Tokens.of("city-admin", "CITY");
        Supplier<String> auditor = () -> Tokens.of("auditor", "CITY");
        Supplier<String> staff = () -> YouthFixtures.staff(org);
        Supplier<String> reader = () -> guardian;
        add("organizations", admin, "/api/v1/organizations");
        add("programs", admin, "/api/v1/programs");
        add("enrollments of A", staff, "/api/v1/programs/" + programA + "/enrollments");
        add("enrollments of B", staff, "/api/v1/programs/" + programB + "/enrollments");
        add("attendance of A", staff, "/api/v1/programs/" + programA + "/attendance");
        add("attendance of B", staff, "/api/v1/programs/" + programB + "/attendance");
        add(
                "attendance of A from a date",
                staff,
                "/api/v1/programs/" + programA + "/attendance",
                "from",
                "2025-09-15");
        add(
                "attendance of A to a date",
                staff,
                "/api/v1/programs/" + programA + "/attendance",
                "to",
                "2025-12-31");
        add("agreements", admin, "/api/v1/agreements");
        add("incidents", admin, "/api/v1/incidents");
        add("audit events", auditor, "/api/v1/audit/events");
        add("audit events from a date", auditor, "/api/v1/audit/events", "from", "2000-01-01");
        add("audit events of Y1", auditor, "/api/v1/audit/events", "participantId", "" + w1.y);
        add("audit events of Y2", auditor, "/api/v1/audit/events", "participantId", "" + w2.y);
        add("consents of Y1", admin, "/api/v1/participants/" + w1.y + "/consents");
        add("consents of Y2", admin, "/api/v1/participants/" + w2.y + "/consents");
        add("disclosures of Y1", admin, "/api/v1/participants/" + w1.y + "/disclosures");
        add("disclosures of Y2", admin, "/api/v1/participants/" + w2.y + "/disclosures");
        add("records of Y1", reader, "/api/v1/participants/" + w1.y + "/academic-records");
        add("records of Y2", reader, "/api/v1/participants/" + w2.y + "/academic-records");
        // A natural-key lookup finds at most one youth, so it never gives out a cursor.
        walks.put(
                "lookup of Y1",
                new Walk(
                        "lookup of Y1",
                        admin,
                        "/api/v1/participants",
                        Map.of("districtCode", w1.d, "districtStudentId", w1.studentId)));

        for (Walk walk : walks.values()) {
            if (walk.name().startsWith("lookup")) {
                continue;
            }
            String cursor = walk.page(null).then().statusCode(200).extract().path("nextCursor");
            assertNotNull(cursor, walk.name() + " gave out no cursor");
            cursors.put(walk.name(), cursor);
        }
    }

    private void add(String name, Supplier<String> token, String path, String... filters) {
        Map<String, String> query = new LinkedHashMap<>();
        for (int i = 0; i < filters.length; i += 2) {
            query.put(filters[i], filters[i + 1]);
        }
        walks.put(name, new Walk(name, token, path, query));
    }

    private static void readRecords(String token, UUID y) {
        given().auth()
                .oauth2(token)
                .queryParam("limit", 2)
                .get("/api/v1/participants/" + y + "/academic-records")
                .then()
                .statusCode(200);
    }

    private static void incident() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        given().auth()
                .oauth2(Tokens.of("city-admin", "CITY"))
                .contentType(ContentType.JSON)
                .body(
                        Map.of(
                                "title", "Lost laptop",
                                "discoveredAt", now.toString(),
                                "suspectedActor", "someone-" + UUID.randomUUID(),
                                "windowFrom", now.minusSeconds(3600).toString(),
                                "windowTo", now.toString()))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201);
    }

    /** Every walk that gives out cursors (all but the lookup). */
    static List<String> sources() {
        return List.of(
                "organizations",
                "programs",
                "enrollments of A",
                "enrollments of B",
                "attendance of A",
                "attendance of B",
                "attendance of A from a date",
                "attendance of A to a date",
                "agreements",
                "incidents",
                "audit events",
                "audit events from a date",
                "audit events of Y1",
                "audit events of Y2",
                "consents of Y1",
                "consents of Y2",
                "disclosures of Y1",
                "disclosures of Y2",
                "records of Y1",
                "records of Y2");
    }

    @ParameterizedTest(name = "a cursor of {0}")
    @MethodSource("sources")
    void cursor_givenToAnyOtherWalk_returns400NamingCursor(String source) {
        String cursor = cursors.get(source);
        List<String> accepted = new ArrayList<>();
        for (Walk target : walks.values()) {
            if (target.name().equals(source)) {
                continue;
            }
            Response answer = target.page(cursor);
            if (answer.statusCode() != 400) {
                accepted.add(target.name() + " answered " + answer.statusCode());
                continue;
            }
            assertProblem(answer.then(), 400)
                    .body("type", equalTo("https://steward.example/problems/validation"))
                    .body("errors", hasSize(1))
                    .body("errors[0].field", equalTo("cursor"))
                    .body("errors[0].message", equalTo(BAD_CURSOR));
        }
        assertEquals(List.of(), accepted, "walks that took a cursor of " + source);
    }

    @ParameterizedTest(name = "a cursor of {0}")
    @MethodSource("sources")
    void cursor_givenBackToItsOwnWalk_goesOn(String source) {
        walks.get(source).page(cursors.get(source)).then().statusCode(200);
    }

    /**
     * The base64url decoder ignores the unused low bits of a cursor's last character, so other
     * texts decode to the same bytes; only the text given out is a cursor.
     */
    @Test
    void cursor_otherTextOfTheSameBytes_returns400NamingCursor() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int tried = 0;
        for (Map.Entry<String, String> entry : cursors.entrySet()) {
            String cursor = entry.getValue();
            byte[] bytes = Base64.getUrlDecoder().decode(cursor);
            String head = cursor.substring(0, cursor.length() - 1);
            for (char c : alphabet.toCharArray()) {
                String other = head + c;
                if (other.equals(cursor)
                        || !Arrays.equals(bytes, Base64.getUrlDecoder().decode(other))) {
                    continue;
                }
                tried++;
                assertProblem(walks.get(entry.getKey()).page(other).then(), 400)
                        .body("errors[0].field", equalTo("cursor"))
                        .body("errors[0].message", equalTo(BAD_CURSOR));
            }
        }
        assertTrue(tried > 0, "no cursor had a last character with unused bits");
    }

    @Test
    void sources_coverEveryWalkButTheLookup() {
        assertEquals(sources(), List.copyOf(cursors.keySet()));
    }

    @Test
    void cursor_ofOneAcademicRecordWalk_readsNoRecordsOfAnotherYouth() {
        long before =
                youth.count("select count(*) from disclosure where participant_id = ?1", w2.y);

        walks.get("records of Y2")
                .page(cursors.get("records of Y1"))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("cursor"));

        assertEquals(
                before,
                youth.count("select count(*) from disclosure where participant_id = ?1", w2.y));
    }

    // limit: plain digits only. Integer.parseInt alone took a sign, surrounding spaces (after a
    // trim) and digits of other scripts.

    @ParameterizedTest
    @ValueSource(strings = {"+5", " 5", "5 ", "\u0665", "+0005", "5\u00a0", "0x5", "5.0"})
    void limit_notPlainDigits_returns400NamingLimit(String limit) {
        for (String path : List.of("/api/v1/organizations", "/api/v1/audit/events")) {
            String role = path.contains("audit") ? "auditor" : "city-admin";
            assertProblem(
                            given().auth()
                                    .oauth2(Tokens.of(role, "CITY"))
                                    .queryParam("limit", limit)
                                    .get(path)
                                    .then(),
                            400)
                    .body("errors", hasSize(1))
                    .body("errors[0].field", equalTo("limit"))
                    .body("errors[0].message", equalTo(BAD_LIMIT));
        }
    }

    @Test
    void limit_rawPlusSign_returns400NamingLimit() {
        // Unencoded, "+" in a query may be read as a space; either way it is not plain digits.
        given().urlEncodingEnabled(false)
                .auth()
                .oauth2(Tokens.of("city-admin", "CITY"))
                .get("/api/v1/organizations?limit=+5")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "05", "500"})
    void limit_plainDigits_isAccepted(String limit) {
        given().auth()
                .oauth2(Tokens.of("city-admin", "CITY"))
                .queryParam("limit", limit)
                .get("/api/v1/organizations")
                .then()
                .statusCode(200)
                .body("items.size()", lessThanOrEqualTo(Integer.parseInt(limit)));
    }
}
