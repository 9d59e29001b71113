package io.steward.common;

import static io.restassured.RestAssured.given;
import static io.steward.support.YouthFixtures.admin;
import static io.steward.support.YouthFixtures.body;
import static io.steward.support.YouthFixtures.provider;
import static io.steward.support.YouthFixtures.staff;
import static java.util.regex.Matcher.quoteReplacement;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.steward.support.Tokens;
import io.steward.support.YouthFixtures;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Input the JSON API must refuse however it is dressed up: control characters and lone surrogates
 * in text, dates that are not exactly YYYY-MM-DD, instants PostgreSQL cannot hold, bodies in
 * another charset, repeated properties and empty idempotency keys. Every refusal is problem+json
 * naming the field, without the value, and stores nothing.
 */
@QuarkusTest
class StrictInputTest {

    private static final RestAssuredConfig EXACT_TYPE =
            io.restassured.RestAssured.config()
                    .encoderConfig(
                            EncoderConfig.encoderConfig()
                                    .appendDefaultContentCharsetToContentTypeIfUndefined(false));

    @Inject AgroalDataSource db;
    @Inject Cursors cursors;

    /** A JSON object from names and raw JSON values, so that escapes reach the server as typed. */
    static String object(String... namesAndValues) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            json.append(i == 0 ? "" : ",")
                    .append('"')
                    .append(namesAndValues[i])
                    .append("\":")
                    .append(namesAndValues[i + 1]);
        }
        return json.append('}').toString();
    }

    static String text(String value) {
        return '"' + value + '"';
    }

    static ValidatableResponse post(String token, String path, String json) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(json)
                .post(path)
                .then();
    }

    static ValidatableResponse refused(ValidatableResponse answer, String field) {
        return answer.statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of(field)));
    }

    String program(String name, String site) {
        return object(
                "name",
                name,
                "site",
                site,
                "startDate",
                text("2025-09-01"),
                "endDate",
                text("2026-06-30"));
    }

    long programsOf(String org) {
        return count(
                "select count(*) from program p join organization o on o.id = p.provider_id"
                        + " where o.code = ?",
                org);
    }

    long count(String sql, Object... parameters) {
        try (Connection c = db.getConnection();
                PreparedStatement query = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // 1. Control characters in text.

    @ParameterizedTest
    @ValueSource(strings = {"T\\u0000", "T\\u0007", "T\\u001b[0m", "T\\u007f", "T\\u0085"})
    void program_nameWithControlCharacter_returns400NamingIt(String name) {
        String org = provider();
        refused(post(staff(org), "/api/v1/programs", program(text(name), text("Site"))), "name")
                .body("errors[0].message", equalTo("must not contain control characters"));
        refused(post(staff(org), "/api/v1/programs", program(text("T"), text(name))), "site");
        assertEquals(0, programsOf(org));
    }

    @Test
    void organization_nameWithNul_returns400AndStoresNothing() {
        String code = YouthFixtures.unique("NUL");
        String json =
                object("code", text(code), "name", text("N\\u0000"), "type", text("PROVIDER"));
        refused(post(admin(), "/api/v1/organizations", json), "name");
        given().auth().oauth2(admin()).get("/api/v1/organizations/" + code).then().statusCode(404);
    }

    @Test
    void incident_descriptionMayHoldLineBreaksButNoOtherControlCharacter() {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String now = text(at.toString());
        String before = text(at.minusSeconds(60).toString());
        String base = "\"title\":\"t\",\"discoveredAt\":" + now + ",\"suspectedActor\":\"x\",";
        String window = "\"windowFrom\":" + before + ",\"windowTo\":" + now + ",";
        String token = Tokens.of("city-admin", "CITY");
        post(
                        token,
                        "/api/v1/incidents",
                        "{" + base + window + "\"description\":\"one\\r\\n\\ttwo\\nthree\"}")
                .statusCode(201);
        refused(
                post(
                        token,
                        "/api/v1/incidents",
                        "{" + base + window + "\"description\":\"one\\u0000\"}"),
                "description");
        refused(
                post(
                        token,
                        "/api/v1/incidents",
                        "{\"title\":\"t\\nu\",\"discoveredAt\":"
                                + now
                                + ",\"suspectedActor\":\"x\","
                                + window
                                + "\"description\":\"d\"}"),
                "title");
    }

    // 2. Dates exactly YYYY-MM-DD.

    static final String[] LOOSE_DATES = {
        "2014-03-02T23:59:59Z",
        "2014-03-02T00:00:00",
        " 2014-03-02",
        "2014-03-02\\t",
        "2014-03-02 ",
        "+2014-03-02",
        "２０１４-03-02"
    };

    @Test
    void participant_looseDateOfBirth_returns400() {
        long before = count("select count(*) from participant");
        String org = provider();
        for (String date : LOOSE_DATES) {
            Map<String, Object> youth = body();
            String json = new io.vertx.core.json.JsonObject(youth).encode();
            json = json.replace("\"2014-03-17\"", text(date));
            refused(post(staff(org), "/api/v1/participants", json), "dateOfBirth")
                    .body(not(containsString("2014-03-02")));
        }
        assertEquals(before, count("select count(*) from participant"));
    }

    @Test
    void program_looseStartOrEndDate_returns400() {
        String org = provider();
        for (String date : LOOSE_DATES) {
            String start =
                    object(
                            "name", text("P"),
                            "site", text("S"),
                            "startDate", text(date.replace("2014", "2025")),
                            "endDate", text("2026-06-30"));
            refused(post(staff(org), "/api/v1/programs", start), "startDate");
            String end =
                    object(
                            "name", text("P"),
                            "site", text("S"),
                            "startDate", text("2013-09-01"),
                            "endDate", text(date));
            refused(post(staff(org), "/api/v1/programs", end), "endDate");
        }
        assertEquals(0, programsOf(org));
    }

    @Test
    void enrollmentAndAttendance_looseDates_return400() {
        String org = provider();
        String program = YouthFixtures.program(org);
        String youth = YouthFixtures.create(staff(org), body());
        for (String date : LOOSE_DATES) {
            String loose = text(date.replace("2014-03-02", "2025-10-01"));
            refused(
                    post(
                            staff(org),
                            "/api/v1/programs/" + program + "/enrollments",
                            object("participantId", text(youth), "startDate", loose)),
                    "startDate");
        }
        assertEquals(
                0, count("select count(*) from enrollment where program_id = ?::uuid", program));

        YouthFixtures.enroll(org, program, youth);
        for (String date : LOOSE_DATES) {
            String loose = text(date.replace("2014-03-02", "2025-10-01"));
            String entry =
                    "["
                            + object("participantId", text(youth), "date", loose, "minutes", "30")
                            + "]";
            refused(
                    given().auth()
                            .oauth2(staff(org))
                            .contentType(ContentType.JSON)
                            .body(entry)
                            .put("/api/v1/programs/" + program + "/attendance")
                            .then(),
                    "[0].date");
        }
        assertEquals(
                0, count("select count(*) from attendance where program_id = ?::uuid", program));
    }

    // 3. Lone surrogates.

    @Test
    void loneSurrogates_inAnyTextField_return400NamingIt() {
        String org = provider();
        long before = count("select count(*) from participant");
        for (String bad : List.of("\\ud800", "Lee\\udfff", "\\udc00\\ud800")) {
            String json = new io.vertx.core.json.JsonObject(body()).encode();
            String last =
                    json.replaceFirst(
                            "\"lastName\":\"[^\"]*\"",
                            quoteReplacement("\"lastName\":\"" + bad + "\""));
            refused(post(staff(org), "/api/v1/participants", last), "lastName")
                    .body("errors[0].message", containsString("Unicode"));
            String guardian =
                    json.replaceFirst(
                            "\"name\":\"Guardianname[^\"]*\"",
                            quoteReplacement("\"name\":\"" + bad + "\""));
            refused(post(staff(org), "/api/v1/participants", guardian), "guardians[0].name");
            refused(post(staff(org), "/api/v1/programs", program(text(bad), text("S"))), "name");
        }
        assertEquals(before, count("select count(*) from participant"));
        assertEquals(0, programsOf(org));
        // A pair is a character like any other.
        post(staff(org), "/api/v1/programs", program(text("Club \\ud83e\\udd16"), text("S")))
                .statusCode(201)
                .body("name", equalTo("Club \ud83e\udd16"));
    }

    // 4. Instants outside what the database holds.

    private static final Pattern LIST =
            Pattern.compile(
                    "/api/v1/(programs|organizations|(programs|participants)/([^/]+)/(\\w+))");

    /**
     * A cursor with a valid tag for the list at this path, as only the service could make one, so
     * that what is refused is its sort key, not its tag.
     */
    static String cursor(Cursors cursors, String path, String... key) {
        Matcher list = LIST.matcher(path);
        if (!list.matches()) {
            throw new IllegalArgumentException("no cursor scope for " + path);
        }
        CursorScope scope =
                list.group(4) == null
                        ? CursorScope.of(list.group(1))
                        : CursorScope.of(list.group(4), list.group(3));
        return cursors.encode(scope, key);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "-999999999-01-01T00:00:00Z",
                "+999999999-12-31T23:59:59Z",
                "-0001-01-01T00:00:00Z",
                "+10000-01-01T00:00:00Z"
            })
    void forgedCursorInstantOutOfRange_returns400NamingCursor(String instant) {
        String org = provider();
        String program = YouthFixtures.program(org);
        String youth = YouthFixtures.create(staff(org), body());
        YouthFixtures.enroll(org, program, youth);
        Function<String, String> forged =
                path -> cursor(cursors, path, instant, "00000000-0000-4000-8000-000000000000");
        for (String path :
                List.of(
                        "/api/v1/programs",
                        "/api/v1/programs/" + program + "/enrollments",
                        "/api/v1/participants/" + youth + "/consents")) {
            refused(
                    given().auth()
                            .oauth2(staff(org))
                            .queryParam("cursor", forged.apply(path))
                            .get(path)
                            .then(),
                    "cursor");
        }
        refused(
                given().auth()
                        .oauth2(admin())
                        .queryParam(
                                "cursor",
                                forged.apply("/api/v1/participants/" + youth + "/disclosures"))
                        .get("/api/v1/participants/" + youth + "/disclosures")
                        .then(),
                "cursor");
    }

    @Test
    void forgedCursorWithControlCharacter_returns400NamingCursor() {
        refused(
                given().auth()
                        .oauth2(admin())
                        .queryParam("cursor", cursor(cursors, "/api/v1/organizations", "A\u0000"))
                        .get("/api/v1/organizations")
                        .then(),
                "cursor");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "-999999999-01-01T00:00:00Z",
                "+999999999-12-31T23:59:59Z",
                "+10000-01-01T00:00:00Z"
            })
    void auditFilterOutOfRange_returns400NamingIt(String instant) {
        String auditor = Tokens.of("auditor", "CITY");
        for (String parameter : List.of("from", "to")) {
            refused(
                    given().auth()
                            .oauth2(auditor)
                            .queryParam(parameter, instant)
                            .get("/api/v1/audit/events")
                            .then(),
                    parameter);
        }
    }

    @Test
    void incident_instantOutOfRange_returns400NamingIt() {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String far = text("-999999999-01-01T00:00:00Z");
        String json =
                object(
                        "title", text("t"),
                        "discoveredAt", far,
                        "suspectedActor", text("x"),
                        "windowFrom", text(at.minusSeconds(60).toString()),
                        "windowTo", text(at.toString()));
        refused(post(Tokens.of("city-admin", "CITY"), "/api/v1/incidents", json), "discoveredAt");
    }

    // 5. Charsets other than UTF-8.

    @ParameterizedTest
    @ValueSource(strings = {"utf-16", "iso-8859-1", "UTF-16LE", "\"utf-16\""})
    void jsonInAnotherCharset_returns415(String charset) {
        String code = YouthFixtures.unique("CS");
        String json = object("code", text(code), "name", text("N"), "type", text("PROVIDER"));
        given().config(EXACT_TYPE)
                .auth()
                .oauth2(admin())
                .contentType("application/json; charset=" + charset)
                .body(json.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/organizations")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo("https://steward.example/problems/unsupported-media-type"));
        given().auth().oauth2(admin()).get("/api/v1/organizations/" + code).then().statusCode(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"utf-8", "UTF-8", "\"utf-8\""})
    void jsonInUtf8_namedOrNot_isAccepted(String charset) {
        String code = YouthFixtures.unique("CS");
        String json = object("code", text(code), "name", text("N"), "type", text("PROVIDER"));
        given().config(EXACT_TYPE)
                .auth()
                .oauth2(admin())
                .contentType("application/json; charset=" + charset)
                .body(json.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/organizations")
                .then()
                .statusCode(201);
    }

    // 6. Repeated properties.

    @Test
    void repeatedProperty_returns400NamingIt() {
        String code = YouthFixtures.unique("DUP");
        String json =
                "{\"code\":\"" + code + "\",\"name\":\"T\",\"name\":\"U\",\"type\":\"PROVIDER\"}";
        refused(post(admin(), "/api/v1/organizations", json), "name")
                .body(not(containsString("\"U\"")));
        given().auth().oauth2(admin()).get("/api/v1/organizations/" + code).then().statusCode(404);

        long before = count("select count(*) from participant");
        String youth = new io.vertx.core.json.JsonObject(body()).encode();
        String nested =
                youth.replace("\"relationship\":", "\"email\":\"x@y.test\",\"relationship\":");
        String org = provider();
        refused(post(staff(org), "/api/v1/participants", nested), "guardians[0].email");
        assertEquals(before, count("select count(*) from participant"));
    }

    // 7. Empty or blank Idempotency-Key.

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t", "  \t "})
    void blankIdempotencyKey_returns400NamingTheHeader(String key) {
        String org = provider();
        long before = count("select count(*) from participant");
        for (int i = 0; i < 2; i++) {
            refused(
                    given().auth()
                            .oauth2(staff(org))
                            .contentType(ContentType.JSON)
                            .header("Idempotency-Key", key)
                            .body(body())
                            .post("/api/v1/participants")
                            .then(),
                    "Idempotency-Key");
        }
        assertEquals(before, count("select count(*) from participant"));
    }

    @Test
    void repeatedIdempotencyKey_returns400NamingTheHeader() {
        String org = provider();
        given().auth()
                .oauth2(staff(org))
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", "k-" + UUID.randomUUID())
                .header("Idempotency-Key", "k-" + UUID.randomUUID())
                .body(body())
                .post("/api/v1/participants")
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("Idempotency-Key")));
    }
}
