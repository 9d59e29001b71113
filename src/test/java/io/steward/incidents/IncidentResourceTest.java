package io.steward.incidents;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.steward.audit.AuditEntry;
import io.steward.audit.AuditLog;
import io.steward.audit.Outcome;
import io.steward.crypto.Envelope;
import io.steward.crypto.FieldContext;
import io.steward.support.Tokens;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IncidentResourceTest {

    @Inject EntityManager em;
    @Inject Envelope envelope;
    @Inject AuditLog audit;

    @Test
    void affected_listsYouthTouchedBySuspectInWindowWithGuardiansAndDistricts() {
        String suspect = "suspect-" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UUID read = youthWithGuardian("G-READ", "Pat Example", "pat@example.test");
        UUID outside = youthWithGuardian("G-OUT", "Lee Example", "lee@example.test");
        UUID denied = youthWithGuardian("G-DENY", "Kim Example", "kim@example.test");
        event(suspect, now.minusSeconds(60), "participant.read", read, Outcome.SUCCESS);
        event(suspect, now.minusSeconds(50), "attendance.read", read, Outcome.SUCCESS);
        event(suspect, now.minusSeconds(40), "participant.read", read, Outcome.SUCCESS);
        event(suspect, now.minusSeconds(7200), "participant.read", outside, Outcome.SUCCESS);
        event(suspect, now.minusSeconds(30), "participant.read", denied, Outcome.DENIED);

        String admin = Tokens.of("city-admin", "CITY");
        String id =
                given().auth()
                        .oauth2(admin)
                        .contentType(ContentType.JSON)
                        .body(
                                Map.of(
                                        "title",
                                        "Shared password",
                                        "discoveredAt",
                                        now.toString(),
                                        "suspectedActor",
                                        suspect,
                                        "windowFrom",
                                        now.minusSeconds(3600).toString(),
                                        "windowTo",
                                        now.plusSeconds(1).toString(),
                                        "description",
                                        "Credentials seen on a shared screen"))
                        .post("/api/v1/incidents")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");

        given().auth()
                .oauth2(Tokens.of("auditor", "CITY"))
                .get("/api/v1/incidents/" + id + "/affected")
                .then()
                .statusCode(200)
                .body("participants", hasSize(1))
                .body("participants[0].participantId", equalTo(read.toString()))
                .body("participants[0].accessCount", equalTo(3))
                .body("participants[0].categories", contains("PROFILE", "PROGRAM_ATTENDANCE"))
                .body("participants[0].guardians[0].name", equalTo("Pat Example"))
                .body("participants[0].guardians[0].email", equalTo("pat@example.test"))
                .body("participants[0].guardians[0].relationship", equalTo("parent"))
                .body("districts[0].districtCode", equalTo("D-INC"))
                .body("districts[0].participants", equalTo(1));
    }

    @Test
    void create_windowBackwards_returns400AndProviderGets403() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Map<String, String> body =
                Map.of(
                        "title",
                        "t",
                        "discoveredAt",
                        now.toString(),
                        "suspectedActor",
                        "x",
                        "windowFrom",
                        now.toString(),
                        "windowTo",
                        now.minusSeconds(5).toString());
        given().auth()
                .oauth2(Tokens.of("city-admin", "CITY"))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/incidents")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("windowTo"));
        given().auth()
                .oauth2(Tokens.of("provider-staff", "P"))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/incidents")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.of("auditor", "CITY"))
                .get("/api/v1/incidents/" + UUID.randomUUID() + "/affected")
                .then()
                .statusCode(404);
    }

    private void event(String actor, Instant at, String action, UUID id, Outcome outcome) {
        audit.appendAlone(
                new AuditEntry(
                        at,
                        actor,
                        "P",
                        "provider-staff",
                        action,
                        "participants/" + id,
                        List.of(id),
                        outcome));
    }

    private UUID youthWithGuardian(String studentId, String name, String email) {
        UUID id = UUID.randomUUID();
        UUID guardian = UUID.randomUUID();
        QuarkusTransaction.requiringNew()
                .run(
                        () -> {
                            em.createNativeQuery(
                                            "insert into participant (id, first_name, last_name,"
                                                + " date_of_birth, grade_level, district_code,"
                                                + " district_student_id, student_key, created_at)"
                                                + " values (?1, ?2, ?2, ?2, '5', 'D-INC', ?2, ?3,"
                                                + " now())")
                                    .setParameter(1, id)
                                    .setParameter(2, new byte[] {1})
                                    .setParameter(3, UUID.randomUUID().toString().getBytes())
                                    .executeUpdate();
                            em.createNativeQuery(
                                            "insert into guardian (id, participant_id, position,"
                                                + " name, relationship_sealed, email) values (?1,"
                                                + " ?2, 0, ?3, ?5, ?4)")
                                    .setParameter(1, guardian)
                                    .setParameter(2, id)
                                    .setParameter(
                                            3,
                                            envelope.encrypt(
                                                    "participant",
                                                    name,
                                                    FieldContext.of("guardian", "name", guardian)))
                                    .setParameter(
                                            4,
                                            envelope.encrypt(
                                                    "participant",
                                                    email,
                                                    FieldContext.of("guardian", "email", guardian)))
                                    .setParameter(
                                            5,
                                            envelope.encrypt(
                                                    "participant",
                                                    "parent",
                                                    FieldContext.of(
                                                            "guardian", "relationship", guardian)))
                                    .executeUpdate();
                        });
        return id;
    }
}
