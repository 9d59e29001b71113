package io.steward.participants;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.steward.support.AuditRows;
import io.steward.support.YouthFixtures;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ParticipantIdempotencyTest {

    @Inject EntityManager em;
    @Inject AgroalDataSource db;

    @Test
    void post_sameKeySameBody_replaysFirstAnswerAndStoresOnce() {
        String provider = YouthFixtures.provider();
        String token = YouthFixtures.staff(provider);
        String key = "retry-" + UUID.randomUUID();
        Map<String, Object> body = YouthFixtures.body();
        long before = participants();

        String first = post(token, key, body).then().statusCode(201).extract().path("id");
        post(token, key, body)
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));

        assertEquals(before + 1, participants());
    }

    @Test
    void post_replayedAnswers_areAuditedAsDisclosuresOfTheYouth() {
        String provider = YouthFixtures.provider();
        String token = YouthFixtures.staff(provider);
        Map<String, Object> body = YouthFixtures.body();
        body.put("districtCode", "D" + UUID.randomUUID().toString().substring(0, 8));
        body.put("districtStudentId", "S" + UUID.randomUUID().toString().substring(0, 8));
        String createKey = "retry-" + UUID.randomUUID();
        UUID id =
                UUID.fromString(
                        post(token, createKey, body).then().statusCode(201).extract().path("id"));
        String otherProvider = YouthFixtures.staff(YouthFixtures.provider());
        String matchKey = "match-" + UUID.randomUUID();
        post(otherProvider, matchKey, body).then().statusCode(200);
        long head = AuditRows.head(db);

        post(token, createKey, body)
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("firstName", equalTo(body.get("firstName")));
        post(otherProvider, matchKey, body)
                .then()
                .statusCode(200)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(id.toString()));

        List<AuditRows.Row> replays = AuditRows.since(db, head, "participant.replay");
        assertEquals(2, replays.size(), replays.toString());
        for (AuditRows.Row replay : replays) {
            assertEquals(List.of(id), replay.participantIds());
            assertEquals("SUCCESS", replay.outcome());
        }
    }

    @Test
    void post_sameKeyOtherBody_returns409AndStoresNothingMore() {
        String provider = YouthFixtures.provider();
        String token = YouthFixtures.staff(provider);
        String key = "retry-" + UUID.randomUUID();
        post(token, key, YouthFixtures.body()).then().statusCode(201);
        long before = participants();

        post(token, key, YouthFixtures.body())
                .then()
                .statusCode(409)
                .contentType("application/problem+json");

        assertEquals(before, participants());
    }

    @Test
    void enroll_sameKeyTwice_enrollsOnce() {
        String provider = YouthFixtures.provider();
        String token = YouthFixtures.staff(provider);
        String program = YouthFixtures.program(provider);
        String youth = YouthFixtures.create(token, YouthFixtures.body());
        String key = "enroll-" + UUID.randomUUID();
        Map<String, Object> body =
                Map.of("participantId", youth, "startDate", YouthFixtures.PROGRAM_START);

        String first =
                enroll(token, key, program, body).then().statusCode(201).extract().path("id");
        enroll(token, key, program, body)
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
    }

    @Test
    void enroll_replayedAnswer_isAuditedForTheYouth() {
        String provider = YouthFixtures.provider();
        String token = YouthFixtures.staff(provider);
        String program = YouthFixtures.program(provider);
        UUID youth = UUID.fromString(YouthFixtures.create(token, YouthFixtures.body()));
        String key = "enroll-" + UUID.randomUUID();
        Map<String, Object> body =
                Map.of("participantId", youth, "startDate", YouthFixtures.PROGRAM_START);
        enroll(token, key, program, body).then().statusCode(201);
        long head = AuditRows.head(db);

        enroll(token, key, program, body).then().statusCode(201);

        List<AuditRows.Row> replays = AuditRows.since(db, head, "enrollment.replay");
        assertEquals(1, replays.size(), replays.toString());
        assertEquals(List.of(youth), replays.get(0).participantIds());
    }

    private static io.restassured.response.Response post(
            String token, String key, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/participants");
    }

    private static io.restassured.response.Response enroll(
            String token, String key, String program, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/programs/" + program + "/enrollments");
    }

    private long participants() {
        return QuarkusTransaction.requiringNew()
                .call(
                        () ->
                                ((Number)
                                                em.createNativeQuery(
                                                                "select count(*) from participant")
                                                        .getSingleResult())
                                        .longValue());
    }
}
