package io.steward.openapi;

import static io.restassured.RestAssured.given;
import static io.steward.support.OpenApiDocument.file;
import static io.steward.support.OpenApiDocument.map;
import static io.steward.support.YouthFixtures.PROGRAM_START;
import static io.steward.support.YouthFixtures.admin;
import static io.steward.support.YouthFixtures.staff;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.steward.support.Sharing;
import io.steward.support.Youth;
import io.steward.support.YouthFixtures;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every POST and PUT operation of {@code openapi/openapi.yaml} documents the success answers the
 * service really gives. Each operation is driven through the API into each of its successes (a new
 * youth and a matched one, a retried {@code Idempotency-Key}); the statuses seen must be exactly
 * the documented 2xx statuses, and the headers seen with a status ({@code Location}, {@code ETag},
 * {@code Idempotent-Replayed}) exactly the headers documented for it. An operation without a driver
 * here fails, so a new write operation cannot go unchecked.
 */
@QuarkusTest
class OpenApiWriteAnswersTest {

    static final Set<String> WRITES = Set.of("post", "put");
    static final List<String> HEADERS = List.of("Location", "ETag", "Idempotent-Replayed");

    /** Sends the content type exactly as given, without a charset RestAssured would append. */
    static final RestAssuredConfig AS_GIVEN =
            RestAssuredConfig.config()
                    .encoderConfig(
                            EncoderConfig.encoderConfig()
                                    .appendDefaultContentCharsetToContentTypeIfUndefined(false));

    @Test
    void openapiFile_everyWriteOperation_documentsTheSuccessAnswersTheServiceGives()
            throws Exception {
        Map<String, Supplier<List<Response>>> drivers = drivers();
        Map<String, Object> paths = map(file().get("paths"));
        List<String> faults = new ArrayList<>();
        Set<String> documented = new TreeSet<>();
        paths.forEach(
                (path, item) ->
                        map(item)
                                .forEach(
                                        (method, op) -> {
                                            if (WRITES.contains(method)) {
                                                String name = method.toUpperCase() + " " + path;
                                                documented.add(name);
                                                check(name, map(op), drivers.get(name), faults);
                                            }
                                        }));
        Set<String> stale = new TreeSet<>(drivers.keySet());
        stale.removeAll(documented);
        stale.forEach(name -> faults.add(name + ": driven here but not in the file"));
        assertEquals(List.of(), faults);
    }

    private static void check(
            String name,
            Map<String, Object> op,
            Supplier<List<Response>> driver,
            List<String> faults) {
        if (driver == null) {
            faults.add(name + ": no driver in OpenApiWriteAnswersTest");
            return;
        }
        Map<String, Set<String>> documented = new TreeMap<>();
        for (Map.Entry<?, ?> answer : map(op.get("responses")).entrySet()) {
            String status = String.valueOf(answer.getKey()); // 201 when written unquoted
            if (status.startsWith("2")) {
                documented.put(
                        status, headers(map(map(answer.getValue()).get("headers")).keySet()));
            }
        }
        Map<String, Set<String>> served = new TreeMap<>();
        for (Response answer : driver.get()) {
            String status = Integer.toString(answer.statusCode());
            if (!status.startsWith("2")) {
                faults.add(name + ": driver got " + status + " " + answer.asString());
                continue;
            }
            Set<String> seen = served.computeIfAbsent(status, s -> new TreeSet<>());
            for (String header : HEADERS) {
                if (answer.getHeader(header) != null) {
                    seen.add(header);
                }
            }
        }
        if (!documented.equals(served)) {
            faults.add(name + ": documents " + documented + " but the service answers " + served);
        }
    }

    /** The documented headers among those this test compares, spelled as in {@link #HEADERS}. */
    private static Set<String> headers(Set<String> names) {
        Set<String> found = new TreeSet<>();
        for (String header : HEADERS) {
            for (String name : names) {
                if (name.toLowerCase(Locale.ROOT).equals(header.toLowerCase(Locale.ROOT))) {
                    found.add(header);
                }
            }
        }
        return found;
    }

    private static Map<String, Supplier<List<Response>>> drivers() {
        Map<String, Supplier<List<Response>>> d = new LinkedHashMap<>();
        d.put("POST /api/v1/organizations", OpenApiWriteAnswersTest::organization);
        d.put("POST /api/v1/admin/backup-events", OpenApiWriteAnswersTest::backupEvent);
        d.put("POST /api/v1/admin/keys/rotation", OpenApiWriteAnswersTest::keyRotation);
        d.put("POST /api/v1/agreements", OpenApiWriteAnswersTest::agreement);
        d.put("POST /api/v1/agreements/{id}/academic-records", OpenApiWriteAnswersTest::upload);
        d.put("POST /api/v1/agreements/{id}/signature", OpenApiWriteAnswersTest::signature);
        d.put("POST /api/v1/agreements/{id}/termination", OpenApiWriteAnswersTest::termination);
        d.put("POST /api/v1/imports/enrollments", OpenApiWriteAnswersTest::importEnrollments);
        d.put("POST /api/v1/incidents", OpenApiWriteAnswersTest::incident);
        d.put("POST /api/v1/participants", OpenApiWriteAnswersTest::participant);
        d.put("POST /api/v1/participants/{id}/guardian-links", OpenApiWriteAnswersTest::link);
        d.put(
                "POST /api/v1/participants/{participantId}/consents",
                OpenApiWriteAnswersTest::consent);
        d.put(
                "POST /api/v1/participants/{participantId}/consents/{consentId}/revocation",
                OpenApiWriteAnswersTest::revocation);
        d.put("POST /api/v1/programs", OpenApiWriteAnswersTest::program);
        d.put("PUT /api/v1/programs/{programId}/attendance", OpenApiWriteAnswersTest::attendance);
        d.put("POST /api/v1/programs/{programId}/enrollments", OpenApiWriteAnswersTest::enrollment);
        d.put(
                "POST /api/v1/programs/{programId}/enrollments/{id}/withdrawal",
                OpenApiWriteAnswersTest::withdrawal);
        return d;
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    private static RequestSpecification json(String token, Object body) {
        return as(token).contentType(ContentType.JSON).body(body);
    }

    /**
     * The same request twice under one fresh Idempotency-Key: the first answer and its replay. A
     * key is scoped by the token's subject, so {@code request} must use one token for both.
     */
    private static List<Response> twice(Supplier<RequestSpecification> request, String url) {
        String key = UUID.randomUUID().toString();
        return List.of(
                request.get().header("Idempotency-Key", key).post(url),
                request.get().header("Idempotency-Key", key).post(url));
    }

    private static List<Response> organization() {
        String code = YouthFixtures.unique("PRO");
        return List.of(
                json(admin(), Map.of("code", code, "name", "Org " + code, "type", "PROVIDER"))
                        .post("/api/v1/organizations"));
    }

    private static List<Response> backupEvent() {
        String completedAt = Instant.now().truncatedTo(ChronoUnit.MICROS).toString();
        return List.of(
                json(admin(), Map.of("kind", "BACKUP", "completedAt", completedAt))
                        .post("/api/v1/admin/backup-events"));
    }

    private static List<Response> keyRotation() {
        return List.of(as(admin()).post("/api/v1/admin/keys/rotation"));
    }

    private static List<Response> agreement() {
        String district = Youth.org("DISTRICT");
        Map<String, Object> body =
                Sharing.agreementBody(district, Youth.org("EVALUATOR"), List.of("GRADES"));
        return List.of(json(Youth.admin(), body).post("/api/v1/agreements"));
    }

    private static List<Response> upload() {
        String district = Youth.org("DISTRICT");
        UUID agreement = Sharing.active(district, Youth.org("EVALUATOR"));
        String csv =
                "districtStudentId,schoolYear,category,daysEnrolled,daysAbsent,course,mark,subject,"
                        + "scaleScore,proficient\n"
                        + "NOT-A-PARTICIPANT,2021-2022,GRADES,,,Biology,A,,,\n";
        return List.of(
                as(Sharing.steward(district))
                        .contentType("text/csv")
                        .body(csv.getBytes(StandardCharsets.UTF_8))
                        .post("/api/v1/agreements/" + agreement + "/academic-records"));
    }

    private static List<Response> signature() {
        String district = Youth.org("DISTRICT");
        UUID id = Sharing.draft(district, Youth.org("EVALUATOR"));
        return List.of(
                as(Sharing.steward(district)).post("/api/v1/agreements/" + id + "/signature"));
    }

    private static List<Response> termination() {
        String district = Youth.org("DISTRICT");
        UUID id = Sharing.active(district, Youth.org("EVALUATOR"));
        return List.of(
                json(Youth.admin(), Map.of("reason", "Study finished"))
                        .post("/api/v1/agreements/" + id + "/termination"));
    }

    private static List<Response> importEnrollments() {
        String provider = YouthFixtures.provider();
        String program = YouthFixtures.program(provider);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String csv =
                "programId,firstName,lastName,dateOfBirth,gradeLevel,districtCode,"
                        + "districtStudentId,schoolCode,guardianName,guardianRelationship,"
                        + "guardianEmail,startDate\n"
                        + program
                        + ",Ana,Import,2014-03-17,5,DIST-I,SID"
                        + tag
                        + ",,,,,"
                        + PROGRAM_START
                        + "\n";
        byte[] body = csv.getBytes(StandardCharsets.UTF_8);
        String token = staff(provider);
        return twice(
                () -> as(token).config(AS_GIVEN).contentType("text/csv").body(body),
                "/api/v1/imports/enrollments");
    }

    private static List<Response> incident() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Map<String, Object> body =
                Map.of(
                        "title",
                        "Shared password",
                        "discoveredAt",
                        now.toString(),
                        "suspectedActor",
                        "staff-" + UUID.randomUUID(),
                        "windowFrom",
                        now.minusSeconds(3600).toString(),
                        "windowTo",
                        now.toString(),
                        "description",
                        "Credentials seen on a shared screen");
        return List.of(json(admin(), body).post("/api/v1/incidents"));
    }

    /** A new youth (201) and the same youth posted again (200, matched), each then replayed. */
    private static List<Response> participant() {
        String token = staff(YouthFixtures.provider());
        Map<String, Object> body = YouthFixtures.body();
        List<Response> answers = new ArrayList<>();
        answers.addAll(twice(() -> json(token, body), "/api/v1/participants"));
        answers.addAll(twice(() -> json(token, body), "/api/v1/participants"));
        return answers;
    }

    /** A new link (201) and the same link again (200). */
    private static List<Response> link() {
        String id = YouthFixtures.create(staff(YouthFixtures.provider()), YouthFixtures.body());
        Map<String, Object> body = Map.of("subject", "guardian-" + UUID.randomUUID());
        String url = "/api/v1/participants/" + id + "/guardian-links";
        return List.of(json(admin(), body).post(url), json(admin(), body).post(url));
    }

    /** A youth of a new provider, enrolled in one of its programs: [provider, youth]. */
    private static String[] servedYouth() {
        String provider = YouthFixtures.provider();
        String youth = YouthFixtures.create(staff(provider), YouthFixtures.body());
        YouthFixtures.enroll(provider, YouthFixtures.program(provider), youth);
        return new String[] {provider, youth};
    }

    private static List<Response> consent() {
        String[] served = servedYouth();
        Map<String, Object> body = Sharing.consentBody(served[0], List.of("GRADES"), "PAPER");
        return List.of(
                json(staff(served[0]), body)
                        .post("/api/v1/participants/" + served[1] + "/consents"));
    }

    private static List<Response> revocation() {
        String[] served = servedYouth();
        Map<String, Object> body = Sharing.consentBody(served[0], List.of("GRADES"), "PAPER");
        UUID consent = Sharing.consent(staff(served[0]), UUID.fromString(served[1]), body);
        return List.of(
                json(staff(served[0]), Map.of("reason", "Guardian asked"))
                        .post(
                                "/api/v1/participants/"
                                        + served[1]
                                        + "/consents/"
                                        + consent
                                        + "/revocation"));
    }

    private static List<Response> program() {
        Map<String, Object> body =
                Map.of(
                        "name",
                        "Chess club",
                        "site",
                        "Main library",
                        "startDate",
                        PROGRAM_START,
                        "endDate",
                        YouthFixtures.PROGRAM_END);
        return List.of(json(staff(YouthFixtures.provider()), body).post("/api/v1/programs"));
    }

    private static List<Response> attendance() {
        String provider = YouthFixtures.provider();
        String program = YouthFixtures.program(provider);
        String youth = YouthFixtures.create(staff(provider), YouthFixtures.body());
        YouthFixtures.enroll(provider, program, youth);
        List<Map<String, Object>> body =
                List.of(Map.of("participantId", youth, "date", "2025-10-01", "minutes", 90));
        return List.of(
                json(staff(provider), body).put("/api/v1/programs/" + program + "/attendance"));
    }

    private static List<Response> enrollment() {
        String provider = YouthFixtures.provider();
        String program = YouthFixtures.program(provider);
        String youth = YouthFixtures.create(staff(provider), YouthFixtures.body());
        Map<String, Object> body = Map.of("participantId", youth, "startDate", PROGRAM_START);
        String token = staff(provider);
        return twice(() -> json(token, body), "/api/v1/programs/" + program + "/enrollments");
    }

    private static List<Response> withdrawal() {
        String provider = YouthFixtures.provider();
        String program = YouthFixtures.program(provider);
        String youth = YouthFixtures.create(staff(provider), YouthFixtures.body());
        String id = YouthFixtures.enroll(provider, program, youth);
        return List.of(
                json(staff(provider), Map.of("endDate", "2025-12-19", "reason", "moved"))
                        .post(
                                "/api/v1/programs/"
                                        + program
                                        + "/enrollments/"
                                        + id
                                        + "/withdrawal"));
    }
}
