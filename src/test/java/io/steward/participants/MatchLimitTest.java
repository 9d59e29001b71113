package io.steward.participants;

import static io.steward.participants.ParticipantResourceTest.post;
import static io.steward.support.YouthFixtures.body;
import static io.steward.support.YouthFixtures.provider;
import static io.steward.support.YouthFixtures.staff;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.steward.imports.ImportFixtures;
import io.steward.support.AuditRows;
import io.steward.support.Tokens;
import io.steward.support.YouthFixtures;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Birth-date guessing through POST /participants (and bulk imports) is limited per natural key and
 * per caller (the test profile keeps the defaults: 5 refusals per key, 20 per caller, within 24
 * hours).
 */
@QuarkusTest
class MatchLimitTest {

    static final int PER_KEY = 5;
    static final int PER_CALLER = 20;
    static final long WINDOW_SECONDS = Duration.ofHours(24).toSeconds();

    @Inject AgroalDataSource db;
    @Inject ImportFixtures imports;

    @Test
    void create_afterFiveRefusalsOfOneKey_answers429EvenForTheRightBirthDate() {
        Map<String, Object> body = body();
        String id = YouthFixtures.create(staff(provider()), body);
        for (int i = 0; i < PER_KEY; i++) {
            // A different caller each time: the key's limit counts every caller's refusals.
            assertEquals(409, post(staff(provider()), guess(body, i)).statusCode());
        }
        long head = AuditRows.head(db);

        ExtractableResponse<Response> wrong = post(staff(provider()), guess(body, 9));
        ExtractableResponse<Response> right = post(staff(provider()), body);

        for (ExtractableResponse<Response> answer : List.of(wrong, right)) {
            assertTooMany(answer);
            assertFalse(answer.asString().contains(id), "a 429 must not reveal the id");
        }
        List<AuditRows.Row> events = AuditRows.since(db, head, "participant.match");
        assertEquals(2, events.size());
        for (AuditRows.Row event : events) {
            assertEquals("DENIED", event.outcome());
            assertEquals(List.of(), event.participantIds());
        }
        assertEquals(0, AuditRows.since(db, head, "participant.create").size());
    }

    @Test
    void create_otherKeysAndKeysWithoutRefusals_areNotLimitedByAnotherKeysRefusals() {
        Map<String, Object> body = body();
        YouthFixtures.create(staff(provider()), body);
        String caller = staff(provider());
        for (int i = 0; i < PER_KEY - 1; i++) {
            assertEquals(409, post(caller, guess(body, i)).statusCode());
        }

        assertEquals(200, post(caller, body).statusCode(), "four refusals still allow a match");
        assertEquals(201, post(caller, body()).statusCode());
    }

    /**
     * A caller over its limit gets the same 429 for a key that exists and for one that does not,
     * and the missing key is not created: the answer does not tell which keys exist.
     */
    @Test
    void create_callerOverItsLimit_answersTheSame429ForExistingAndUnknownKeys() {
        String subject = "user-" + UUID.randomUUID();
        String org = provider();
        String caller = Tokens.of(subject, List.of("provider-staff"), org);
        for (int i = 0; i < PER_CALLER; i++) {
            Map<String, Object> body = body();
            YouthFixtures.create(staff(provider()), body);
            // One refusal per key: only the caller's limit can be reached.
            assertEquals(409, post(caller, guess(body, 0)).statusCode());
        }
        Map<String, Object> existing = body();
        YouthFixtures.create(staff(provider()), existing);
        Map<String, Object> unknown = body();
        long head = AuditRows.head(db);

        ExtractableResponse<Response> forExisting = post(caller, existing);
        ExtractableResponse<Response> forUnknown = post(caller, unknown);

        assertTooMany(forExisting);
        assertTooMany(forUnknown);
        Map<String, Object> a = problem(forExisting);
        Map<String, Object> b = problem(forUnknown);
        assertEquals(a, b, "the two 429 bodies differ beyond the correlation id");
        assertEquals(forExisting.header("Content-Type"), forUnknown.header("Content-Type"));
        lookup(unknown).statusCode(200).body("items.size()", equalTo(0));
        List<AuditRows.Row> events = AuditRows.since(db, head, "participant.match");
        assertEquals(2, events.size());
        assertEquals(events.get(0).participantIds(), events.get(1).participantIds());
        assertEquals(List.of(subject, subject), events.stream().map(e -> e.actor()).toList());

        // Posts without a natural key cannot match anyone and stay open.
        Map<String, Object> keyless = body();
        keyless.remove("districtCode");
        keyless.remove("districtStudentId");
        assertEquals(201, post(caller, keyless).statusCode());
    }

    /**
     * Bulk imports share the limit: a key over it is a row error, even with the right birth date
     * (more in {@code imports.ImportMatchLimitTest}).
     */
    @Test
    void import_keyOverItsLimit_isARowErrorEvenForTheRightBirthDate() {
        String student = "F-" + UUID.randomUUID();
        Map<String, Object> body = body();
        body.put("districtCode", "D1");
        body.put("districtStudentId", student);
        body.put("dateOfBirth", "2012-01-01");
        YouthFixtures.create(staff(provider()), body);
        for (int i = 0; i < PER_KEY; i++) {
            post(staff(provider()), guess(body, i));
        }
        assertTooMany(post(staff(provider()), body));
        String org = imports.provider();
        String token = Tokens.of("provider-staff", org);
        String file =
                ImportFixtures.HEADER
                        + "\n"
                        + ImportFixtures.youth(imports.program(org), student, "2012-01-01");

        String job =
                ImportFixtures.postCsv(token, file).then().statusCode(202).extract().path("id");

        ImportFixtures.finished(token, job)
                .then()
                .body("status", equalTo("FAILED"))
                .body("errors.size()", equalTo(1))
                .body("errors[0].row", equalTo(1))
                .body("errors[0].column", equalTo("districtStudentId"))
                .body("errors[0].message", containsString("too many refused matches"))
                .body("created", equalTo(0))
                .body("matchedExisting", equalTo(0));
    }

    @Test
    void check_settingsThatTurnTheLimitOffOrKeepRefusalsForever_areRefused() {
        MatchLimit.check(1, 1, Duration.ofMinutes(1));
        MatchLimit.check(5, 20, Duration.ofDays(30));
        String zero =
                assertThrows(
                                IllegalStateException.class,
                                () -> MatchLimit.check(0, 20, Duration.ofHours(1)))
                        .getMessage();
        assertTrue(zero.contains("STW-PARTICIPANT-0001"), zero);
        assertThrows(
                IllegalStateException.class, () -> MatchLimit.check(5, 0, Duration.ofHours(1)));
        for (Duration window :
                List.of(Duration.ofSeconds(59), Duration.ofDays(31), Duration.ofHours(-1))) {
            String message =
                    assertThrows(IllegalStateException.class, () -> MatchLimit.check(5, 20, window))
                            .getMessage();
            assertTrue(message.contains("STW-PARTICIPANT-0002"), message);
        }
    }

    /** The youth's key with another birth date: day {@code i + 1} of 2001. */
    private static Map<String, Object> guess(Map<String, Object> youth, int i) {
        Map<String, Object> guess = new HashMap<>(body());
        guess.put("districtCode", youth.get("districtCode"));
        guess.put("districtStudentId", youth.get("districtStudentId"));
        guess.put("dateOfBirth", String.format("2001-01-%02d", i + 1));
        return guess;
    }

    private static void assertTooMany(ExtractableResponse<Response> answer) {
        assertEquals(429, answer.statusCode(), answer.asString());
        assertTrue(answer.contentType().startsWith("application/problem+json"));
        assertEquals("Too many requests", answer.path("title"));
        long retryAfter = Long.parseLong(answer.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= WINDOW_SECONDS, "Retry-After " + retryAfter);
    }

    /** The problem body without its correlation id, which differs by request. */
    private static Map<String, Object> problem(ExtractableResponse<Response> answer) {
        Map<String, Object> body = new HashMap<>(answer.as(Map.class));
        body.remove("correlationId");
        return body;
    }

    /** The admin's exact lookup of a youth's key. */
    private static io.restassured.response.ValidatableResponse lookup(Map<String, Object> youth) {
        return io.restassured.RestAssured.given()
                .auth()
                .oauth2(Tokens.of("city-admin", "CITY"))
                .queryParam("districtCode", youth.get("districtCode"))
                .queryParam("districtStudentId", youth.get("districtStudentId"))
                .get("/api/v1/participants")
                .then();
    }
}
