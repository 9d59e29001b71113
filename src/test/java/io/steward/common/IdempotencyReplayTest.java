package io.steward.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.steward.support.YouthFixtures;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A replay under an {@code Idempotency-Key} is the first answer again: the same status, body and
 * headers ({@code Content-Type} with its charset, {@code Location}, {@code ETag}, the length), and
 * only {@code Idempotent-Replayed: true} added. The correlation id and date are per request.
 */
@QuarkusTest
class IdempotencyReplayTest {

    /** Headers that belong to one exchange, not to the answer. */
    static final java.util.Set<String> PER_REQUEST = java.util.Set.of("date", "x-correlation-id");

    static Map<String, String> headers(Response response) {
        Map<String, String> headers = new TreeMap<>();
        for (Header header : response.headers()) {
            String name = header.getName().toLowerCase(java.util.Locale.ROOT);
            if (!PER_REQUEST.contains(name)) {
                headers.merge(name, header.getValue(), (a, b) -> a + ", " + b);
            }
        }
        return headers;
    }

    static void replaysAlike(Supplier<RequestSpecification> request, String path) {
        String key = "replay-" + UUID.randomUUID();
        Response first = request.get().header("Idempotency-Key", key).post(path);
        Response replay = request.get().header("Idempotency-Key", key).post(path);

        assertEquals(2, first.statusCode() / 100, first.asString());
        Map<String, String> expected = headers(first);
        expected.put("idempotent-replayed", "true");
        assertEquals(expected, headers(replay));
        assertEquals(first.statusCode(), replay.statusCode());
        assertEquals(first.asString(), replay.asString());
    }

    @Test
    void replay_ofACreatedYouth_hasTheFirstAnswersHeaders() {
        String staff = YouthFixtures.staff(YouthFixtures.provider());
        Map<String, Object> body = YouthFixtures.body();
        replaysAlike(
                () -> given().auth().oauth2(staff).contentType(ContentType.JSON).body(body),
                "/api/v1/participants");
    }

    @Test
    void replay_ofAMatchedYouth_hasTheFirstAnswersHeaders() {
        Map<String, Object> body = YouthFixtures.body();
        YouthFixtures.create(YouthFixtures.staff(YouthFixtures.provider()), body);
        String other = YouthFixtures.staff(YouthFixtures.provider());
        replaysAlike(
                () -> given().auth().oauth2(other).contentType(ContentType.JSON).body(body),
                "/api/v1/participants");
    }

    @Test
    void replay_ofAnEnrollment_hasTheFirstAnswersHeaders() {
        String org = YouthFixtures.provider();
        String program = YouthFixtures.program(org);
        String staff = YouthFixtures.staff(org);
        String kid = YouthFixtures.create(staff, YouthFixtures.body());
        replaysAlike(
                () ->
                        given().auth()
                                .oauth2(staff)
                                .contentType(ContentType.JSON)
                                .body(
                                        Map.of(
                                                "participantId",
                                                kid,
                                                "startDate",
                                                YouthFixtures.PROGRAM_START)),
                "/api/v1/programs/" + program + "/enrollments");
    }

    @Test
    void replay_ofAnAcceptedImport_hasTheFirstAnswersHeaders() {
        String org = YouthFixtures.provider();
        String program = YouthFixtures.program(org);
        String csv =
                "programId,firstName,lastName,dateOfBirth,gradeLevel,districtCode,"
                        + "districtStudentId,schoolCode,guardianName,guardianRelationship,"
                        + "guardianEmail,startDate\n"
                        + program
                        + ",Ada,Lovelace,2012-01-01,5,,,,,,,2025-09-01\n";
        String staff = YouthFixtures.staff(org);
        replaysAlike(
                () ->
                        given().auth()
                                .oauth2(staff)
                                .contentType("text/csv; charset=UTF-8")
                                .body(csv.getBytes(StandardCharsets.UTF_8)),
                "/api/v1/imports/enrollments");
    }
}
