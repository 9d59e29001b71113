package io.steward.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.steward.support.OwnerDb;
import io.steward.support.Tokens;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class AuditResourceTest {

    @Inject EntityManager em;
    @Inject ChainWriter writer;

    static String auditor() {
        return Tokens.of("auditor", "CITY");
    }

    private String createOrganizationAs(String subject) {
        String code = "AUD-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth()
                .oauth2(Tokens.of(subject, List.of("city-admin"), "CITY"))
                .contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Audit test", "type", "PROVIDER"))
                .post("/api/v1/organizations")
                .then()
                .statusCode(201);
        return code;
    }

    @Test
    void events_afterCreate_listEventForActor() {
        String subject = "admin-" + UUID.randomUUID();
        String code = createOrganizationAs(subject);

        given().auth()
                .oauth2(auditor())
                .queryParam("actor", subject)
                .get("/api/v1/audit/events")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].action", equalTo("organization.create"))
                .body("items[0].resource", equalTo("organizations/" + code))
                .body("items[0].role", equalTo("city-admin"))
                .body("items[0].outcome", equalTo("SUCCESS"));
    }

    @Test
    void events_deniedRequest_isRecorded() {
        String subject = "staff-" + UUID.randomUUID();
        given().auth()
                .oauth2(Tokens.of(subject, List.of("provider-staff"), "P1"))
                .get("/api/v1/audit/events")
                .then()
                .statusCode(403);

        given().auth()
                .oauth2(auditor())
                .queryParam("actor", subject)
                .get("/api/v1/audit/events")
                .then()
                .statusCode(200)
                .body("items.outcome", hasItem("DENIED"))
                .body("items[0].resource", equalTo("GET /api/v1/audit/events"));
    }

    @Test
    void events_badFilters_return400() {
        given().auth()
                .oauth2(auditor())
                .queryParam("from", "2021-09-31")
                .get("/api/v1/audit/events")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("from"));
        given().auth()
                .oauth2(auditor())
                .queryParam("participantId", "nope")
                .get("/api/v1/audit/events")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("participantId"));
        given().auth()
                .oauth2(auditor())
                .queryParam("cursor", "garbage!")
                .get("/api/v1/audit/events")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    @ParameterizedTest
    @CsvSource({
        "2026-02-01, 2026-01-01",
        "2026-01-01T00:00:00.000001Z, 2026-01-01T00:00:00Z",
        "2026-01-02, 2026-01-01T23:59:59Z"
    })
    void events_fromAfterTo_returns400NamingFrom(String from, String to) {
        given().auth()
                .oauth2(auditor())
                .queryParam("from", from)
                .queryParam("to", to)
                .get("/api/v1/audit/events")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.size()", equalTo(1))
                .body("errors[0].field", equalTo("from"))
                .body("errors[0].message", equalTo("must not be after to"));
    }

    @Test
    void events_fromEqualToTo_isAnEmptyWindow() {
        given().auth()
                .oauth2(auditor())
                .queryParam("from", "2026-01-01T00:00:00Z")
                .queryParam("to", "2026-01-01")
                .get("/api/v1/audit/events")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void verification_untouchedChain_isValid() {
        createOrganizationAs("admin-" + UUID.randomUUID());
        given().auth()
                .oauth2(auditor())
                .get("/api/v1/audit/verification")
                .then()
                .statusCode(200)
                .body("valid", equalTo(true))
                .body("firstInvalidSeq", nullValue());
    }

    @Test
    void update_byApplication_isRefused() {
        createOrganizationAs("admin-" + UUID.randomUUID());
        assertThrows(
                Exception.class,
                () ->
                        QuarkusTransaction.requiringNew()
                                .run(
                                        () ->
                                                em.createNativeQuery(
                                                                "update audit_event set actor ="
                                                                        + " 'x'")
                                                        .executeUpdate()));
        assertThrows(
                Exception.class,
                () ->
                        QuarkusTransaction.requiringNew()
                                .run(
                                        () ->
                                                em.createNativeQuery("delete from audit_event")
                                                        .executeUpdate()));
    }

    @Test
    void verification_tamperedEvent_reportsFirstInvalidSeq() {
        String subject = "admin-" + UUID.randomUUID();
        createOrganizationAs(subject);
        writer.linkPending();
        long seq =
                QuarkusTransaction.requiringNew()
                        .call(
                                () ->
                                        ((Number)
                                                        em.createNativeQuery(
                                                                        "select seq from"
                                                                            + " audit_event where"
                                                                            + " actor = ?1")
                                                                .setParameter(1, subject)
                                                                .getSingleResult())
                                                .longValue());
        tamper(seq, "someone-else");
        try {
            given().auth()
                    .oauth2(auditor())
                    .get("/api/v1/audit/verification")
                    .then()
                    .statusCode(200)
                    .body("valid", equalTo(false))
                    .body("firstInvalidSeq", equalTo((int) seq));
        } finally {
            tamper(seq, subject);
        }
        given().auth()
                .oauth2(auditor())
                .get("/api/v1/audit/verification")
                .then()
                .body("valid", equalTo(true));
    }

    /**
     * Changes an event behind the application's back, as an intruder with the owner's DDL rights
     * would: the application's own role can neither disable the trigger nor update the column.
     */
    static void tamper(long seq, String column, String value) {
        try (Connection c = OwnerDb.connect()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("alter table audit_event disable trigger audit_event_no_update");
            }
            try (PreparedStatement st =
                    c.prepareStatement("update audit_event set " + column + " = ? where seq = ?")) {
                st.setString(1, value);
                st.setLong(2, seq);
                st.executeUpdate();
            }
            try (Statement st = c.createStatement()) {
                st.execute("alter table audit_event enable trigger audit_event_no_update");
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void tamper(long seq, String actor) {
        tamper(seq, "actor", actor);
    }
}
