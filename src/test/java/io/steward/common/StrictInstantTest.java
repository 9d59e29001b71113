package io.steward.common;

import static io.restassured.RestAssured.given;
import static io.steward.common.StrictInputTest.cursor;
import static io.steward.common.StrictInputTest.object;
import static io.steward.common.StrictInputTest.post;
import static io.steward.common.StrictInputTest.refused;
import static io.steward.common.StrictInputTest.text;
import static io.steward.support.YouthFixtures.body;
import static io.steward.support.YouthFixtures.provider;
import static io.steward.support.YouthFixtures.staff;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.steward.support.Tokens;
import io.steward.support.YouthFixtures;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Instants a client sends, in a body, a query parameter or a cursor, are exactly {@code
 * YYYY-MM-DDTHH:MM:SS[.fraction]Z}: UTC, said with an uppercase {@code Z}. Epoch numbers, other
 * offsets (even {@code +00:00}), a lowercase {@code z}, no zone, leap seconds and 24:00 are each a
 * 400 naming the field, without the value, and store nothing.
 */
@QuarkusTest
class StrictInstantTest {

    static final String FORM = "must be a UTC instant in the form YYYY-MM-DDTHH:MM:SS[.fraction]Z";
    static final String CITY_ADMIN = Tokens.of("city-admin", "CITY");
    static final String AUDITOR = Tokens.of("auditor", "CITY");

    /** Strings that are not instants in the strict form, each as it would be sent. */
    static final String[] NOT_STRICT = {
        "1700000000",
        "-1",
        "2026-01-01T00:00:00+02:00",
        "2026-01-01T00:00:00-05:00",
        "2026-01-01T00:00:00+00:00",
        "2026-01-01T00:00:00-00:00",
        "2026-01-01T00:00:00+0000",
        "2026-01-01T00:00:00+00",
        "2026-01-01T00:00:00z",
        "2026-01-01t00:00:00Z",
        "2026-01-01T00:00:00",
        "2026-01-01T00:00:00.5",
        "2026-01-01T00:00Z",
        "2026-01-01 00:00:00Z",
        "2026-01-01T00:00:00.Z",
        "2026-01-01T00:00:00,5Z",
        "2026-01-01T00:00:00.1234567890Z",
        "2026-12-31T23:59:60Z",
        "2026-01-01T24:00:00Z",
        "2026-02-30T00:00:00Z",
        "+2026-01-01T00:00:00Z",
        "20260101T000000Z",
        " 2026-01-01T00:00:00Z",
        "2026-01-01T00:00:00Z ",
        "2026-01-01T00:00:00Z[UTC]",
        "2026-01-01"
    };

    @Inject AgroalDataSource db;

    static String incident(String title, String discoveredAt) {
        return object(
                "title", text(title),
                "discoveredAt", discoveredAt,
                "suspectedActor", text("someone"),
                "windowFrom", text("2025-12-01T00:00:00Z"),
                "windowTo", text("2025-12-31T00:00:00Z"));
    }

    static String incidentWindow(String title, String from, String to) {
        return object(
                "title", text(title),
                "discoveredAt", text("2026-01-02T00:00:00Z"),
                "suspectedActor", text("someone"),
                "windowFrom", from,
                "windowTo", to);
    }

    static String backup(String detail, String completedAt) {
        return object("kind", text("BACKUP"), "completedAt", completedAt, "detail", text(detail));
    }

    long count(String sql, String parameter) {
        try (Connection c = db.getConnection();
                PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long incidentsTitled(String title) {
        return count("select count(*) from incident where title = ?", title);
    }

    long backupsWith(String detail) {
        return count("select count(*) from backup_event where detail = ?", detail);
    }

    /** A refusal that names the field with the form's rule and does not repeat the value. */
    static void refusedForForm(ValidatableResponse answer, String field, String value) {
        refused(answer, field).body("errors[0].message", equalTo(FORM));
        notRepeated(answer, value);
    }

    /** The value is not in the answer (short ones could match inside the correlation id). */
    static void notRepeated(ValidatableResponse answer, String value) {
        if (value.strip().length() >= 8) {
            answer.body(not(containsString(value.strip())));
        }
    }

    // Bodies.

    @ParameterizedTest
    @ValueSource(strings = {"1700000000", "1700000000.5", "-1", "0", "true", "{}", "[]"})
    void incident_instantAsJsonNumberOrOtherShape_returns400AndStoresNothing(String raw) {
        String title = YouthFixtures.unique("INST");
        refused(post(CITY_ADMIN, "/api/v1/incidents", incident(title, raw)), "discoveredAt")
                .body("errors[0].message", equalTo(FORM));
        refused(
                post(
                        CITY_ADMIN,
                        "/api/v1/incidents",
                        incidentWindow(title, raw, text("2025-12-31T00:00:00Z"))),
                "windowFrom");
        assertEquals(0, incidentsTitled(title));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1700000000", "1700000000.5", "-1", "true", "{}", "[]"})
    void backupEvent_instantAsJsonNumberOrOtherShape_returns400AndStoresNothing(String raw) {
        String detail = YouthFixtures.unique("INST");
        refused(post(CITY_ADMIN, "/api/v1/admin/backup-events", backup(detail, raw)), "completedAt")
                .body("errors[0].message", equalTo(FORM));
        assertEquals(0, backupsWith(detail));
    }

    @Test
    void incident_everyNonStrictString_returns400NamingEachFieldAndStoresNothing() {
        for (String value : NOT_STRICT) {
            String title = YouthFixtures.unique("INST");
            refusedForForm(
                    post(CITY_ADMIN, "/api/v1/incidents", incident(title, text(value))),
                    "discoveredAt",
                    value);
            refusedForForm(
                    post(
                            CITY_ADMIN,
                            "/api/v1/incidents",
                            incidentWindow(title, text("2025-12-01T00:00:00Z"), text(value))),
                    "windowTo",
                    value);
            assertEquals(0, incidentsTitled(title), value);
        }
    }

    @Test
    void backupEvent_everyNonStrictString_returns400NamingItAndStoresNothing() {
        for (String value : NOT_STRICT) {
            String detail = YouthFixtures.unique("INST");
            refusedForForm(
                    post(CITY_ADMIN, "/api/v1/admin/backup-events", backup(detail, text(value))),
                    "completedAt",
                    value);
            assertEquals(0, backupsWith(detail), value);
        }
    }

    @Test
    void body_yearZero_returns400WithTheRange() {
        String detail = YouthFixtures.unique("INST");
        String zero = text("0000-12-31T23:59:59Z");
        refused(
                        post(CITY_ADMIN, "/api/v1/admin/backup-events", backup(detail, zero)),
                        "completedAt")
                .body("errors[0].message", equalTo(Instants.RANGE));
        assertEquals(0, backupsWith(detail));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-01-01T00:00:00Z",
                "2026-01-01T00:00:00.5Z",
                "2026-01-01T08:30:15.123456Z",
                "0001-01-01T00:00:00Z",
                "9999-12-31T23:59:59.999999Z"
            })
    void body_strictForm_withOrWithoutFraction_isStoredAndAnsweredInUtc(String value) {
        String title = YouthFixtures.unique("INST");
        String id =
                post(CITY_ADMIN, "/api/v1/incidents", incident(title, text(value)))
                        .statusCode(201)
                        .extract()
                        .path("id");
        String answered =
                given().auth()
                        .oauth2(CITY_ADMIN)
                        .get("/api/v1/incidents/" + id)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("discoveredAt");
        assertEquals(Instant.parse(value), Instant.parse(answered));
        assertEquals(true, answered.endsWith("Z"), answered);

        String detail = YouthFixtures.unique("INST");
        String completed =
                post(CITY_ADMIN, "/api/v1/admin/backup-events", backup(detail, text(value)))
                        .statusCode(201)
                        .extract()
                        .path("completedAt");
        assertEquals(Instant.parse(value), Instant.parse(completed));
        assertEquals(true, completed.endsWith("Z"), completed);
        assertEquals(1, backupsWith(detail));
    }

    @Test
    void body_nineDigitFraction_isAccepted() {
        String title = YouthFixtures.unique("INST");
        post(
                        CITY_ADMIN,
                        "/api/v1/incidents",
                        incident(title, text("2026-01-01T00:00:00.123456789Z")))
                .statusCode(201);
        assertEquals(1, incidentsTitled(title));
    }

    @Test
    void enrollment_replayedAnswer_readsBackTheInstantTheServiceWrote() {
        String org = provider();
        String program = YouthFixtures.program(org);
        String youth = YouthFixtures.create(staff(org), body());
        String token = staff(org);
        String key = "instant-" + YouthFixtures.unique("K");
        String json =
                object(
                        "participantId",
                        text(youth),
                        "startDate",
                        text(YouthFixtures.PROGRAM_START));
        String path = "/api/v1/programs/" + program + "/enrollments";
        String first =
                given().auth()
                        .oauth2(token)
                        .header("Idempotency-Key", key)
                        .contentType(ContentType.JSON)
                        .body(json)
                        .post(path)
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("createdAt");
        assertEquals(true, first.endsWith("Z"), first);
        given().auth()
                .oauth2(token)
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(json)
                .post(path)
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("createdAt", equalTo(first));
    }

    // Query parameters.

    @Test
    void auditFilter_everyNonStrictInstant_returns400NamingIt() {
        String rule =
                "must be a UTC instant (YYYY-MM-DDTHH:MM:SS[.fraction]Z) or a YYYY-MM-DD date";
        for (String value : NOT_STRICT) {
            if (value.equals("2026-01-01") || value.isBlank() || !value.strip().equals(value)) {
                continue; // a date is a filter of its own; blanks are QueryParams' to refuse
            }
            for (String parameter : List.of("from", "to")) {
                ValidatableResponse answer =
                        given().auth()
                                .oauth2(AUDITOR)
                                .queryParam(parameter, value)
                                .get("/api/v1/audit/events")
                                .then();
                refused(answer, parameter).body("errors[0].message", equalTo(rule));
                notRepeated(answer, value);
            }
        }
    }

    @Test
    void auditFilter_paddedInstant_returns400NamingIt() {
        for (String value : List.of(" 2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z ")) {
            refused(
                    given().auth()
                            .oauth2(AUDITOR)
                            .queryParam("from", value)
                            .get("/api/v1/audit/events")
                            .then(),
                    "from");
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-01-01T00:00:00Z",
                "2026-01-01T00:00:00.5Z",
                "2026-01-01T00:00:00.123456789Z",
                "2026-01-01"
            })
    void auditFilter_strictInstantOrDate_isAccepted(String value) {
        given().auth()
                .oauth2(AUDITOR)
                .queryParam("from", value)
                .queryParam("to", value)
                .get("/api/v1/audit/events")
                .then()
                .statusCode(200);
    }

    // Cursors, which the service writes with Instant.toString: a cursor holding another form was
    // not given out by it.

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-01-01T00:00:00+02:00",
                "2026-01-01T00:00:00+00:00",
                "2026-01-01T00:00:00z",
                "2026-12-31T23:59:60Z",
                "2026-01-01T24:00:00Z"
            })
    void forgedCursor_nonStrictInstant_returns400NamingCursor(String instant) {
        String org = provider();
        String program = YouthFixtures.program(org);
        String youth = YouthFixtures.create(staff(org), body());
        YouthFixtures.enroll(org, program, youth);
        String forged = cursor(instant, "00000000-0000-4000-8000-000000000000");
        for (String path :
                List.of("/api/v1/programs", "/api/v1/participants/" + youth + "/consents")) {
            refused(
                    given().auth().oauth2(staff(org)).queryParam("cursor", forged).get(path).then(),
                    "cursor");
        }
    }
}
