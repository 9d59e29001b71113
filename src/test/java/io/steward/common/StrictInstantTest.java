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
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Instants a client sends, in a body, a query parameter or a cursor, are exactly {@code
 * YYYY-MM-DDTHH:MM:SS[.fraction]Z}: UTC, said with an uppercase {@code Z}, a fraction of at most 6
 * digits. Epoch numbers, other offsets (even {@code +00:00}), a lowercase {@code z}, no zone, leap
 * seconds, 24:00 and a fraction finer than the microseconds the database keeps are each a 400
 * naming the field, without the value, and store nothing: what is answered is what is stored.
 */
@QuarkusTest
class StrictInstantTest {

    static final String FORM =
            "must be a UTC instant in the form YYYY-MM-DDTHH:MM:SS[.fraction]Z, a fraction of at"
                    + " most 6 digits";
    static final String AUDIT_FORM =
            "must be a UTC instant (YYYY-MM-DDTHH:MM:SS[.fraction]Z, a fraction of at most 6"
                    + " digits) or a YYYY-MM-DD date";
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

    /**
     * Instants in the strict shape but finer than the microsecond PostgreSQL keeps: storing one
     * would round it, so the record read back would differ from the one answered.
     */
    static final String[] FINER_THAN_MICROS = {
        "2026-01-01T00:00:00.1234567Z",
        "2026-01-01T00:00:00.12345678Z",
        "2026-01-01T00:00:00.123456789Z",
        "2026-01-01T00:00:00.0000005Z",
        "2026-01-01T00:00:00.999999999Z",
        "2026-01-01T00:00:00.123456000Z",
        "2026-01-01T00:00:00.0000000Z",
        "9999-12-31T23:59:59.9999999Z"
    };

    @Inject AgroalDataSource db;
    @Inject Cursors cursors;

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
        if (Instant.parse(value).isAfter(Instant.now())) {
            // A backup cannot have completed in the future (SecurityReportResourceTest).
            post(CITY_ADMIN, "/api/v1/admin/backup-events", backup(detail, text(value)))
                    .statusCode(400)
                    .body("errors[0].field", equalTo("completedAt"));
            assertEquals(0, backupsWith(detail));
            return;
        }
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
    void body_nineDigitFraction_returns400AndStoresNothing() {
        String title = YouthFixtures.unique("INST");
        refusedForForm(
                post(
                        CITY_ADMIN,
                        "/api/v1/incidents",
                        incident(title, text("2026-01-01T00:00:00.123456789Z"))),
                "discoveredAt",
                "2026-01-01T00:00:00.123456789Z");
        assertEquals(0, incidentsTitled(title));
    }

    @Test
    void incident_everyInstantFinerThanMicroseconds_returns400NamingEachFieldAndStoresNothing() {
        for (String value : FINER_THAN_MICROS) {
            String title = YouthFixtures.unique("INST");
            refusedForForm(
                    post(CITY_ADMIN, "/api/v1/incidents", incident(title, text(value))),
                    "discoveredAt",
                    value);
            refusedForForm(
                    post(
                            CITY_ADMIN,
                            "/api/v1/incidents",
                            incidentWindow(title, text(value), text("9999-12-31T23:59:59Z"))),
                    "windowFrom",
                    value);
            refusedForForm(
                    post(
                            CITY_ADMIN,
                            "/api/v1/incidents",
                            incidentWindow(title, text("0001-01-01T00:00:00Z"), text(value))),
                    "windowTo",
                    value);
            assertEquals(0, incidentsTitled(title), value);
        }
    }

    @Test
    void backupEvent_everyInstantFinerThanMicroseconds_returns400NamingItAndStoresNothing() {
        for (String value : FINER_THAN_MICROS) {
            String detail = YouthFixtures.unique("INST");
            refusedForForm(
                    post(CITY_ADMIN, "/api/v1/admin/backup-events", backup(detail, text(value))),
                    "completedAt",
                    value);
            assertEquals(0, backupsWith(detail), value);
        }
    }

    /**
     * A window whose ends differ only below the microsecond would be stored with equal ends,
     * breaking the rule that windowTo is after windowFrom; it is refused for its form instead.
     */
    @Test
    void incident_windowDifferingOnlyBelowMicroseconds_returns400AndStoresNothing() {
        String title = YouthFixtures.unique("INST");
        refusedForForm(
                post(
                        CITY_ADMIN,
                        "/api/v1/incidents",
                        incidentWindow(
                                title,
                                text("2025-12-01T00:00:00.0000001Z"),
                                text("2025-12-01T00:00:00.0000002Z"))),
                "windowFrom",
                "2025-12-01T00:00:00.0000001Z");
        assertEquals(0, incidentsTitled(title));
    }

    /** A fraction of 1 to 6 digits is kept exactly; 7 to 9 digits would not be, and are refused. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9})
    void body_fractionOfEachLength_isKeptAsAnsweredOrRefused(int digits) {
        String value = "2026-01-01T08:30:15." + "987654321".substring(0, digits) + "Z";
        String title = YouthFixtures.unique("INST");
        ValidatableResponse answer =
                post(CITY_ADMIN, "/api/v1/incidents", incident(title, text(value)));
        if (digits > 6) {
            refusedForForm(answer, "discoveredAt", value);
            assertEquals(0, incidentsTitled(title));
            return;
        }
        String answered = answer.statusCode(201).extract().path("discoveredAt");
        String id = answer.extract().path("id");
        assertEquals(Instant.parse(value), Instant.parse(answered));
        assertEquals(answered, readBack(id).get("discoveredAt"));
        assertEquals(Instant.parse(value), storedInstant("incident", "discovered_at", id));
    }

    @Test
    void incident_sixDigitFractions_theAnswerIsWhatALaterGetReturns() {
        String title = YouthFixtures.unique("INST");
        String discovered = "2026-01-02T03:04:05.123457Z";
        String from = "2025-12-01T00:00:00.000001Z";
        String to = "2025-12-31T23:59:59.999999Z";
        String json =
                object(
                        "title", text(title),
                        "discoveredAt", text(discovered),
                        "suspectedActor", text("someone"),
                        "windowFrom", text(from),
                        "windowTo", text(to));
        ValidatableResponse answer = post(CITY_ADMIN, "/api/v1/incidents", json).statusCode(201);
        Map<String, Object> created = answer.extract().path("");
        assertEquals(discovered, created.get("discoveredAt"));
        assertEquals(from, created.get("windowFrom"));
        assertEquals(to, created.get("windowTo"));

        Map<String, Object> read = readBack((String) created.get("id"));
        for (String field : List.of("discoveredAt", "windowFrom", "windowTo", "createdAt")) {
            assertEquals(created.get(field), read.get(field), field);
        }
        String id = (String) created.get("id");
        assertEquals(Instant.parse(discovered), storedInstant("incident", "discovered_at", id));
        assertEquals(Instant.parse(from), storedInstant("incident", "window_from", id));
        assertEquals(Instant.parse(to), storedInstant("incident", "window_to", id));
    }

    @Test
    void backupEvent_sixDigitFraction_theAnswerIsWhatIsStored() {
        String detail = YouthFixtures.unique("INST");
        String value = "2026-01-02T03:04:05.654321Z";
        ValidatableResponse answer =
                post(CITY_ADMIN, "/api/v1/admin/backup-events", backup(detail, text(value)))
                        .statusCode(201);
        String answered = answer.extract().path("completedAt");
        String id = answer.extract().path("id");
        assertEquals(value, answered);
        assertEquals(Instant.parse(answered), storedInstant("backup_event", "completed_at", id));
    }

    /** The incident as a later GET returns it. */
    static Map<String, Object> readBack(String id) {
        return given().auth()
                .oauth2(CITY_ADMIN)
                .get("/api/v1/incidents/" + id)
                .then()
                .statusCode(200)
                .extract()
                .path("");
    }

    /** The instant a row holds, as the database keeps it. */
    Instant storedInstant(String table, String column, String id) {
        try (Connection c = db.getConnection();
                PreparedStatement query =
                        c.prepareStatement(
                                "select " + column + " from " + table + " where id = ?::uuid")) {
            query.setString(1, id);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getObject(1, OffsetDateTime.class).toInstant();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
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
        String rule = AUDIT_FORM;
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
    void auditFilter_instantFinerThanMicroseconds_returns400NamingIt() {
        for (String value : FINER_THAN_MICROS) {
            for (String parameter : List.of("from", "to")) {
                ValidatableResponse answer =
                        given().auth()
                                .oauth2(AUDITOR)
                                .queryParam(parameter, value)
                                .get("/api/v1/audit/events")
                                .then();
                refused(answer, parameter).body("errors[0].message", equalTo(AUDIT_FORM));
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
                "2026-01-01T00:00:00.123456Z",
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
        Function<String, String> forged =
                path -> cursor(cursors, path, instant, "00000000-0000-4000-8000-000000000000");
        for (String path :
                List.of("/api/v1/programs", "/api/v1/participants/" + youth + "/consents")) {
            refused(
                    given().auth()
                            .oauth2(staff(org))
                            .queryParam("cursor", forged.apply(path))
                            .get(path)
                            .then(),
                    "cursor");
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-01-01T00:00:00.1234567Z",
                "2026-01-01T00:00:00.123456789Z",
                "2026-01-01T00:00:00.123456000Z"
            })
    void forgedCursor_instantFinerThanMicroseconds_returns400NamingCursor(String instant) {
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
                        .oauth2(CITY_ADMIN)
                        .queryParam(
                                "cursor",
                                forged.apply("/api/v1/participants/" + youth + "/disclosures"))
                        .get("/api/v1/participants/" + youth + "/disclosures")
                        .then(),
                "cursor");
    }
}
