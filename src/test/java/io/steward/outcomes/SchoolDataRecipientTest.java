package io.steward.outcomes;

import static io.restassured.RestAssured.given;
import static io.steward.outcomes.SchoolDataOutcomeTest.YEAR;
import static io.steward.outcomes.SchoolDataOutcomeTest.agreement;
import static io.steward.outcomes.SchoolDataOutcomeTest.checkCells;
import static io.steward.outcomes.SchoolDataOutcomeTest.expectedAttendance;
import static io.steward.outcomes.SchoolDataOutcomeTest.expectedProficiency;
import static io.steward.outcomes.SchoolDataOutcomeTest.outcome;
import static io.steward.outcomes.SchoolDataOutcomeTest.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.steward.support.Sharing;
import io.steward.support.Tokens;
import io.steward.support.Youth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * School data reach only the organization an agreement names as recipient. The same youth have
 * records under three agreements of one district: one naming the city (the cohort of {@link
 * SchoolDataOutcomeTest}), a STUDIES agreement naming a research organization (grades 5 and 6,
 * every youth absent 50 of 100 days and proficient) and an AUDIT_EVALUATION agreement naming a
 * second evaluator (grade 8 only, absent 40 days, not proficient). Each caller's tables count its
 * own records with its own agreements' minimum, and ending another organization's agreement leaves
 * them exactly as they were.
 */
@QuarkusTest
class SchoolDataRecipientTest {

    @Test
    void outcomes_agreementsNamingOtherRecipients_neverReachACallersTables() {
        String district = Youth.org("DISTRICT");
        String city = Youth.org("COORDINATOR");
        String research = Youth.org("EVALUATOR");
        String auditor = Youth.org("EVALUATOR");
        String provider = Youth.org("PROVIDER");
        UUID cityAgreement = agreement(district, city, "AUDIT_EVALUATION", 5);
        UUID researchAgreement = agreement(district, research, "STUDIES", 12);
        UUID auditAgreement = agreement(district, auditor, "AUDIT_EVALUATION", 5);
        var cohort = SchoolDataOutcomeTest.youthWithAttendance(district, provider);
        Sharing.upload(cityAgreement, district, "text/csv", cohort.csv()).statusCode(200);
        StringBuilder researchCsv = new StringBuilder(SchoolDataOutcomeTest.CSV_HEADER);
        for (String grade : List.of("5", "6")) {
            cohort.studentIds().get(grade).forEach(s -> researchCsv.append(record(s, 50, true)));
        }
        Sharing.upload(researchAgreement, district, "text/csv", researchCsv.toString())
                .statusCode(200);
        StringBuilder auditCsv = new StringBuilder(SchoolDataOutcomeTest.CSV_HEADER);
        cohort.studentIds().get("8").forEach(s -> auditCsv.append(record(s, 40, false)));
        Sharing.upload(auditAgreement, district, "text/csv", auditCsv.toString()).statusCode(200);

        String dashboard = Tokens.of("dashboard", city);
        String researcher = Tokens.of("evaluator", research);
        String evaluator = Tokens.of("evaluator", auditor);
        checkCells(
                outcome(dashboard, "school-attendance", 200),
                Map.of(
                        "5", expectedAttendance("5"),
                        "6", expectedAttendance("6"),
                        "8", expectedAttendance("8")));
        checkCells(
                outcome(dashboard, "assessment-proficiency", 200),
                Map.of(
                        "5", expectedProficiency("5"),
                        "6", expectedProficiency("6"),
                        "8", expectedProficiency("8")));
        JsonPath studied = outcome(researcher, "school-attendance", 200);
        assertEquals(12.0, studied.getDouble("minimumCellSize"), "the STUDIES agreement's 12");
        assertCounts(studied, Map.of("5", 12.0, "6", 12.0), 24.0);
        assertEquals(0.5, studied.getDouble("cells.find { it.group.gradeLevel == '5' }.value"));
        assertEquals(0.5, studied.getDouble("total.value"));
        JsonPath audited = outcome(evaluator, "school-attendance", 200);
        assertEquals(10.0, audited.getDouble("minimumCellSize"));
        assertCounts(audited, Map.of("8", 12.0), 12.0);
        assertEquals(0.6, audited.getDouble("total.value"), 1e-9);
        String cityAttendance = body(dashboard, "school-attendance");
        String cityProficiency = body(dashboard, "assessment-proficiency");
        String auditedAttendance = body(evaluator, "school-attendance");

        terminate(researchAgreement);

        assertEquals(cityAttendance, body(dashboard, "school-attendance"));
        assertEquals(cityProficiency, body(dashboard, "assessment-proficiency"));
        assertEquals(auditedAttendance, body(evaluator, "school-attendance"));
        outcome(researcher, "school-attendance", 404);

        terminate(cityAgreement);

        assertEquals(auditedAttendance, body(evaluator, "school-attendance"));
        outcome(dashboard, "school-attendance", 404);
    }

    @Test
    void outcomes_callerNoAgreementNames_gets404ForSchoolDataButReadsParticipation() {
        String district = Youth.org("DISTRICT");
        String city = Youth.org("COORDINATOR");
        String other = Youth.org("COORDINATOR");
        UUID agreement = agreement(district, city, "AUDIT_EVALUATION", 5);

        for (String token :
                List.of(
                        Tokens.of("dashboard", other),
                        Tokens.of("dashboard", null),
                        Tokens.of("city-admin", other),
                        Tokens.of("evaluator", other))) {
            for (String metric : List.of("school-attendance", "assessment-proficiency")) {
                String problem =
                        given().auth()
                                .oauth2(token)
                                .queryParam("groupBy", "gradeLevel")
                                .get("/api/v1/outcomes/" + metric)
                                .then()
                                .statusCode(404)
                                .contentType("application/problem+json")
                                .extract()
                                .path("detail");
                assertTrue(problem.contains("names your organization"), problem);
                assertTrue(!problem.contains(city) && !problem.contains(agreement.toString()));
            }
        }
        outcome(Tokens.of("dashboard", null), "participation", 200);
        outcome(Tokens.of("dashboard", city), "school-attendance", 200);
    }

    /** The counted grades have these counts, all others none; the total is shown with its n. */
    static void assertCounts(JsonPath answer, Map<String, Double> counts, double total) {
        List<Map<String, Object>> cells = answer.getList("cells");
        assertEquals(14, cells.size());
        for (Map<String, Object> cell : cells) {
            String grade = (String) ((Map<?, ?>) cell.get("group")).get("gradeLevel");
            Object n = cell.get("n");
            if (counts.containsKey(grade)) {
                assertEquals(counts.get(grade), ((Number) n).doubleValue(), grade);
            } else {
                assertNull(n, grade + " holds no record under the caller's agreements");
            }
        }
        assertEquals(total, answer.getDouble("total.n"));
    }

    static String body(String token, String metric) {
        return given().auth()
                .oauth2(token)
                .queryParam("groupBy", "gradeLevel")
                .queryParam("schoolYear", YEAR)
                .get("/api/v1/outcomes/" + metric)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    static void terminate(UUID agreement) {
        given().auth()
                .oauth2(Youth.admin())
                .post("/api/v1/agreements/" + agreement + "/termination")
                .then()
                .statusCode(200);
    }
}
