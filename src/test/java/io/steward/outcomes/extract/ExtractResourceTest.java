package io.steward.outcomes.extract;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import io.steward.support.Sharing;
import io.steward.support.Tokens;
import io.steward.support.Youth;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ExtractResourceTest {

    private static ExtractWorld world;

    @Inject Youth youth;

    @BeforeEach
    void world() {
        synchronized (ExtractResourceTest.class) {
            if (world == null) {
                world = new ExtractWorld(youth);
            }
        }
    }

    static Response extract(String token, UUID agreement) {
        return given().auth().oauth2(token).get("/api/v1/agreements/" + agreement + "/extract");
    }

    static JsonPath json(Response response) {
        return JsonPath.from(response.asString())
                .using(
                        new JsonPathConfig()
                                .numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    long disclosures(UUID agreement, UUID participant) {
        return youth.count(
                "select count(*) from disclosure where agreement_id = ?1 and participant_id = ?2"
                        + " and basis = 'AGREEMENT' and recipient_code = ?3",
                agreement,
                participant,
                world.e);
    }

    @Test
    void extract_recipientEvaluator_releasesPseudonymousRowsOfTheAgreementsCategories() {
        String resource = "agreements/" + world.attendance + "/extract";
        List<Long> before = new ArrayList<>();
        world.youth.forEach(y -> before.add(disclosures(world.attendance, y)));
        long auditsBefore = youth.audits("agreement.extract", resource, "SUCCESS");
        Response response = extract(ExtractWorld.evaluator(world.e), world.attendance);
        response.then()
                .statusCode(200)
                .header("Redisclosure-Notice", org.hamcrest.Matchers.startsWith("FERPA"))
                .body("agreementId", equalTo(world.attendance.toString()))
                .body("minimumCellSize", equalTo(5))
                .body("generalization.gradeLevel", equalTo(0))
                .body("generalization.schoolCode", equalTo(0))
                .body("generalization.birthYear", equalTo(0))
                .body("suppressedRows", equalTo(1))
                .body("rows.size()", equalTo(11));
        String body = response.asString();
        for (int i = 0; i < 12; i++) {
            assertFalse(body.contains(world.youth.get(i).toString()), "participant id leaked");
            assertFalse(body.contains(world.studentIds.get(i)), "student id leaked");
        }
        assertFalse(body.contains("-15\""), "a birth date leaked");
        assertFalse(body.contains("grades"), "GRADES is not in the agreement");

        JsonPath json = json(response);
        List<String> pseudonyms = json.getList("rows.pseudonym");
        assertEquals(11, new HashSet<>(pseudonyms).size());
        assertTrue(pseudonyms.stream().allMatch(p -> p.matches("[0-9a-f]{32}")));
        assertEquals(pseudonyms.stream().sorted().toList(), pseudonyms, "rows in pseudonym order");

        List<Map<String, Object>> seventh = json.getList("rows.findAll { it.gradeLevel == '7' }");
        List<Map<String, Object>> eighth = json.getList("rows.findAll { it.gradeLevel == '8' }");
        assertEquals(6, seventh.size());
        assertEquals(5, eighth.size());
        assertTrue(seventh.stream().allMatch(r -> r.get("birthYear").equals("2012")));
        assertTrue(eighth.stream().allMatch(r -> r.get("schoolCode").equals("SCH-1")));
        assertEquals(rates(0, 6), sorted(seventh, "attendanceRate"));
        assertEquals(rates(6, 11), sorted(eighth, "attendanceRate"));
        assertEquals(List.of(0.0, 0.0, 1.0, 1.0, 1.0), sorted(eighth, "proficiencyShare"));
        assertTrue(eighth.stream().allMatch(r -> ((Number) r.get("assessments")).intValue() == 1));

        for (int i = 0; i < 11; i++) {
            assertEquals(before.get(i) + 1, disclosures(world.attendance, world.youth.get(i)));
        }
        assertEquals(0, disclosures(world.attendance, world.youth.get(11)), "suppressed row");
        assertEquals(auditsBefore + 1, youth.audits("agreement.extract", resource, "SUCCESS"));

        List<String> again =
                json(extract(ExtractWorld.evaluator(world.e), world.attendance))
                        .getList("rows.pseudonym");
        assertEquals(pseudonyms, again, "pseudonyms are stable within an agreement");
    }

    @Test
    void extract_largerMinimum_generalizesGradeAndBirthYearAndAddsGrades() {
        Response response = extract(ExtractWorld.evaluator(world.e), world.all);
        response.then()
                .statusCode(200)
                .body("minimumCellSize", equalTo(6))
                .body("generalization.gradeLevel", equalTo(1))
                .body("generalization.schoolCode", equalTo(0))
                .body("generalization.birthYear", equalTo(3))
                .body("suppressedRows", equalTo(1))
                .body("rows.size()", equalTo(11))
                .body("rows.gradeLevel.toSet()", equalTo(Set.of("6-8")))
                .body("rows.birthYear.toSet()", equalTo(Set.of("*")))
                .body("rows.schoolCode.toSet()", equalTo(Set.of("SCH-1")))
                .body(
                        "rows[0].grades",
                        equalTo(List.of(Map.of("course", "Algebra I", "mark", "B"))));
        Set<String> here = new HashSet<>(response.jsonPath().getList("rows.pseudonym"));
        Set<String> there =
                new HashSet<>(
                        extract(ExtractWorld.evaluator(world.e), world.attendance)
                                .jsonPath()
                                .getList("rows.pseudonym"));
        here.retainAll(there);
        assertTrue(here.isEmpty(), "pseudonyms do not link across agreements");
        assertEquals(
                youth.count(
                        "select count(*) from disclosure where agreement_id = ?1"
                                + " and categories = cast('{SCHOOL_ATTENDANCE,GRADES,ASSESSMENTS}'"
                                + " as text[]) and records = 3",
                        world.all),
                youth.count("select count(*) from disclosure where agreement_id = ?1", world.all));
    }

    @Test
    void extract_evaluatorOfAnotherOrganizationOrUnknownAgreement_returns404() {
        String other = Youth.org("EVALUATOR");
        extract(ExtractWorld.evaluator(other), world.attendance).then().statusCode(404);
        extract(ExtractWorld.evaluator(world.e), UUID.randomUUID()).then().statusCode(404);
        assertTrue(
                youth.audits(
                                "agreement.extract",
                                "agreements/" + world.attendance + "/extract",
                                "NOT_FOUND")
                        >= 1);
    }

    @Test
    void extract_otherRoles_return403() {
        for (String token :
                List.of(
                        Youth.admin(),
                        Sharing.steward(world.d),
                        Tokens.of("dashboard", world.e),
                        Tokens.of("provider-staff", world.e),
                        Tokens.of("case-manager", world.e),
                        Tokens.of("auditor", null))) {
            extract(token, world.attendance).then().statusCode(403);
        }
    }

    @Test
    void extract_notStudiesDraftOrTerminated_returns409() {
        UUID audit = world.active(List.of("SCHOOL_ATTENDANCE"), 5, "AUDIT_EVALUATION");
        UUID draft = world.draft(List.of("SCHOOL_ATTENDANCE"), 5, "STUDIES");
        UUID ended = world.active(List.of("SCHOOL_ATTENDANCE"), 5, "STUDIES");
        given().auth()
                .oauth2(Youth.admin())
                .post("/api/v1/agreements/" + ended + "/termination")
                .then()
                .statusCode(200);
        for (UUID id : List.of(audit, draft, ended)) {
            extract(ExtractWorld.evaluator(world.e), id)
                    .then()
                    .statusCode(409)
                    .contentType("application/problem+json");
        }
    }

    private static List<Double> rates(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> (100 - i) / 100.0).sorted().toList();
    }

    private static List<Double> sorted(List<Map<String, Object>> rows, String field) {
        List<Double> values = new ArrayList<>();
        rows.forEach(r -> values.add(((Number) r.get(field)).doubleValue()));
        return values.stream().sorted().toList();
    }
}
