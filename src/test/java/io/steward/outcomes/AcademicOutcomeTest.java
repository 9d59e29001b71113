package io.steward.outcomes;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.steward.support.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The academic metrics' access and disclosure rules, with the school-data queries replaced: their
 * tables come with the agreements of issue 4, so only the SQL itself is not exercised here.
 */
@QuarkusTest
class AcademicOutcomeTest {

    static final UUID CITY_STUDY = UUID.randomUUID();
    static final UUID CITY_AUDIT = UUID.randomUUID();
    static final UUID SOUTH_AUDIT = UUID.randomUUID();
    static final UUID PROGRAM = UUID.randomUUID();

    /**
     * Agreements naming CITY (minimums 12 and 5) and EVAL-S (minimum 5), matched as the SQL does,
     * ignoring case; fixed rows per metric.
     */
    static class FakeSchoolData extends AcademicOutcomeQueries {
        final List<String> recipientsAsked = new ArrayList<>();
        final List<List<UUID>> agreementsUsed = new ArrayList<>();

        @Override
        public List<Scope> usableAgreements(String recipientCode) {
            recipientsAsked.add(recipientCode);
            return switch (recipientCode.toUpperCase(java.util.Locale.ROOT)) {
                case "CITY" -> List.of(new Scope(CITY_STUDY, 12), new Scope(CITY_AUDIT, 5));
                case "EVAL-S" -> List.of(new Scope(SOUTH_AUDIT, 5));
                default -> List.of();
            };
        }

        @Override
        public List<OutcomeRow> rows(Metric metric, SchoolYear year, List<UUID> agreements) {
            agreementsUsed.add(agreements);
            return List.of(
                    new OutcomeRow("PRV-A", PROGRAM, "5", "S1", "30-59", 40, 40 * 0.99),
                    new OutcomeRow("PRV-A", PROGRAM, "6", "S1", "30-59", 30, 30 * 0.6),
                    new OutcomeRow("PRV-A", PROGRAM, "7", "S1", "30-59", 8, 8 * 0.5));
        }
    }

    FakeSchoolData fake;

    @BeforeEach
    void replaceSchoolData() {
        fake = new FakeSchoolData();
        QuarkusMock.installMockForType(fake, AcademicOutcomeQueries.class);
    }

    static ExtractableResponse<Response> get(String role, String org, String metric) {
        return given().auth()
                .oauth2(Tokens.of(role, org))
                .queryParam("groupBy", "gradeLevel")
                .queryParam("schoolYear", "2024-2025")
                .get("/api/v1/outcomes/" + metric)
                .then()
                .extract();
    }

    @Test
    void read_evaluator_usesOnlyAgreementsNamingItsOrganizationAndTheirMinimum() {
        var answer = get("evaluator", "EVAL-S", "school-attendance");

        assertEquals(200, answer.statusCode());
        assertEquals(List.of("EVAL-S"), fake.recipientsAsked);
        assertEquals(List.of(List.of(SOUTH_AUDIT)), fake.agreementsUsed);
        assertEquals(10, (int) answer.path("minimumCellSize"), "the larger of 10 and 5");
    }

    @Test
    void read_dashboard_usesOnlyAgreementsNamingItsOrganizationWithTheirLargestMinimum() {
        var answer = get("dashboard", "CITY", "assessment-proficiency");

        assertEquals(200, answer.statusCode());
        assertEquals(List.of("CITY"), fake.recipientsAsked);
        assertEquals(List.of(List.of(CITY_STUDY, CITY_AUDIT)), fake.agreementsUsed);
        assertEquals(12, (int) answer.path("minimumCellSize"));
        List<Map<String, Object>> cells = answer.path("cells");
        Map<String, Object> seventh =
                cells.stream()
                        .filter(c -> "7".equals(((Map<?, ?>) c.get("group")).get("gradeLevel")))
                        .findFirst()
                        .orElseThrow();
        assertEquals(true, seventh.get("suppressed"));
        assertEquals(14, cells.size(), "every grade level is listed, PK to 12");
        long hiddenWithYouth =
                cells.stream()
                        .filter(c -> (Boolean) c.get("suppressed"))
                        .filter(
                                c ->
                                        List.of("5", "6", "7")
                                                .contains(
                                                        ((Map<?, ?>) c.get("group"))
                                                                .get("gradeLevel")))
                        .count();
        assertTrue(hiddenWithYouth >= 2, "grade 7's complement holds youth, not an empty grade");
    }

    @Test
    void read_cityAdmin_usesOnlyAgreementsNamingItsOrganization() {
        var answer = get("city-admin", "EVAL-S", "school-attendance");

        assertEquals(200, answer.statusCode());
        assertEquals(List.of(List.of(SOUTH_AUDIT)), fake.agreementsUsed);
        assertEquals(10, (int) answer.path("minimumCellSize"));
    }

    @Test
    void read_nearlyEveryoneAttending_isTopCodedNotShownExactly() {
        var answer = get("city-admin", "CITY", "school-attendance");

        List<Map<String, Object>> cells = answer.path("cells");
        Map<String, Object> fifth =
                cells.stream()
                        .filter(c -> "5".equals(((Map<?, ?>) c.get("group")).get("gradeLevel")))
                        .findFirst()
                        .orElseThrow();
        assertEquals(false, fifth.get("suppressed"));
        assertEquals(40, fifth.get("n"));
        assertNull(fifth.get("value"));
        assertEquals("≥98%", fifth.get("coded"));
        assertEquals(78, (int) answer.path("total.n"));
    }

    @Test
    void read_evaluatorWithoutAgreement_gets404AndNoSchoolData() {
        var answer = get("evaluator", "EVAL-X", "school-attendance");

        assertEquals(404, answer.statusCode());
        assertEquals(List.of("EVAL-X"), fake.recipientsAsked);
        assertTrue(fake.agreementsUsed.isEmpty());
    }

    @Test
    void read_dashboardOfAnOrganizationNoAgreementNames_gets404AndNoSchoolData() {
        for (String metric : List.of("school-attendance", "assessment-proficiency")) {
            var answer = get("dashboard", "CITY-2", metric);

            assertEquals(404, answer.statusCode(), metric);
            assertEquals("application/problem+json", answer.contentType());
            assertTrue(
                    answer.<String>path("detail").contains("names your organization"),
                    answer.asString());
        }
        assertTrue(fake.agreementsUsed.isEmpty());
    }

    @Test
    void read_schoolMetricWithoutOrganization_gets404ForEveryRoleAndAsksForNoAgreement() {
        for (String role : List.of("dashboard", "city-admin", "evaluator")) {
            var answer = get(role, null, "school-attendance");

            assertEquals(404, answer.statusCode(), role);
        }
        assertTrue(fake.recipientsAsked.isEmpty());
        assertTrue(fake.agreementsUsed.isEmpty());
    }

    @Test
    void read_participationAsEvaluator_needsNoAgreement() {
        var answer = get("evaluator", "EVAL-X", "participation");

        assertEquals(200, answer.statusCode());
        assertTrue(fake.recipientsAsked.isEmpty());
    }

    @Test
    void read_participationAsDashboardWithoutOrganization_needsNoAgreement() {
        var answer = get("dashboard", null, "participation");

        assertEquals(200, answer.statusCode());
        assertTrue(fake.recipientsAsked.isEmpty());
        assertTrue(fake.agreementsUsed.isEmpty());
    }
}
