package io.steward.outcomes;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.steward.support.Tokens;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutcomeResourceTest {

    @Inject EntityManager em;

    static ExtractableResponse<Response> get(String role, String path, Map<String, ?> params) {
        return given().auth()
                .oauth2(Tokens.of(role, "CITY"))
                .queryParams(params)
                .get("/api/v1/outcomes/" + path)
                .then()
                .extract();
    }

    static List<Map<String, Object>> cells(ExtractableResponse<Response> answer) {
        return answer.path("cells");
    }

    static Map<String, Object> cell(ExtractableResponse<Response> answer, String dim, String v) {
        return cells(answer).stream()
                .filter(c -> v.equals(((Map<?, ?>) c.get("group")).get(dim)))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void participation_smallGrade_isSuppressedWithAComplementAndTheTotalShown() {
        OutcomeFixture fixture = new OutcomeFixture(em);
        UUID program = fixture.program(fixture.provider());
        fixture.youth(25, "5", "S1", program, 35);
        fixture.youth(12, "6", "S1", program, 10);
        fixture.youth(3, "7", "S1", program, 70);

        var answer =
                get(
                        "dashboard",
                        "participation",
                        Map.of("groupBy", "gradeLevel", "schoolYear", fixture.schoolYear));

        assertEquals(200, answer.statusCode());
        assertEquals("participation", answer.path("metric"));
        assertEquals(List.of("gradeLevel"), answer.path("groupBy"));
        assertEquals(10, (int) answer.path("minimumCellSize"));
        assertEquals(40, (int) answer.path("total.n"));
        Map<String, Object> small = cell(answer, "gradeLevel", "7");
        assertEquals(true, small.get("suppressed"));
        assertNull(small.get("n"));
        assertNull(small.get("value"));
        assertEquals(14, cells(answer).size(), "every grade level is listed, PK to 12");
        for (Map<String, Object> c : cells(answer)) {
            Object grade = ((Map<?, ?>) c.get("group")).get("gradeLevel");
            if (!List.of("5", "6", "7").contains(grade)) {
                assertEquals(true, c.get("suppressed"), "grade " + grade + " holds nobody");
            }
        }
        long suppressed =
                cells(answer).stream()
                        .filter(c -> (Boolean) c.get("suppressed"))
                        .filter(
                                c ->
                                        List.of("5", "6", "7")
                                                .contains(
                                                        ((Map<?, ?>) c.get("group"))
                                                                .get("gradeLevel")))
                        .count();
        assertTrue(suppressed >= 2, "the total minus shown cells must not give grade 7");
        long shownSum =
                cells(answer).stream()
                        .filter(c -> !(Boolean) c.get("suppressed"))
                        .mapToLong(c -> ((Number) c.get("n")).longValue())
                        .sum();
        assertTrue(40 - shownSum >= 3 + 10, "the hidden remainder leaves grade 7 a wide range");
    }

    @Test
    void participation_byProviderAndProgram_pairsEachProgramWithItsOwnProviderOnly() {
        OutcomeFixture fixture = new OutcomeFixture(em);
        String north = fixture.provider();
        String south = fixture.provider();
        UUID northProgram = fixture.program(north);
        UUID southProgram = fixture.program(south);
        fixture.youth(15, "5", "S1", northProgram, 35);
        fixture.youth(12, "6", "S1", southProgram, 35);

        var answer =
                get(
                        "dashboard",
                        "participation",
                        Map.of("groupBy", "provider,program", "schoolYear", fixture.schoolYear));

        assertEquals(200, answer.statusCode());
        Map<String, String> owners = new java.util.HashMap<>();
        for (Map<String, Object> c : cells(answer)) {
            Map<?, ?> group = (Map<?, ?>) c.get("group");
            assertNull(
                    owners.put((String) group.get("program"), (String) group.get("provider")),
                    "each program is listed once");
        }
        assertEquals(north, owners.get(northProgram.toString()));
        assertEquals(south, owners.get(southProgram.toString()));
        long shown =
                cells(answer).stream()
                        .filter(c -> c.get("n") != null)
                        .mapToLong(c -> ((Number) c.get("n")).longValue())
                        .sum();
        assertEquals(27, shown, "the cells add up to the total, not a multiple of it");
        assertEquals(27, (int) answer.path("total.n"));
    }

    @Test
    void participation_shownCell_averagesDistinctProgramDaysAcrossPrograms() {
        OutcomeFixture fixture = new OutcomeFixture(em);
        String provider = fixture.provider();
        UUID first = fixture.program(provider);
        UUID second = fixture.program(provider);
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .run(
                        () -> {
                            for (int i = 0; i < 12; i++) {
                                UUID youth = fixture.participant("8", "S2");
                                fixture.enroll(youth, first);
                                fixture.enroll(youth, second);
                                fixture.attend(youth, first, 0, 30);
                                fixture.attend(youth, second, 0, 30);
                                fixture.attend(youth, second, 30, 5);
                            }
                        });

        var answer =
                get(
                        "city-admin",
                        "participation",
                        Map.of("groupBy", "dosageBand", "schoolYear", fixture.schoolYear));

        assertEquals(200, answer.statusCode());
        Map<String, Object> band = cell(answer, "dosageBand", "30-59");
        assertEquals(12, ((Number) band.get("n")).intValue());
        assertEquals(35.0, ((Number) band.get("value")).doubleValue());
        assertEquals(12, (int) answer.path("total.n"), "a youth in two programs counts once");

        var byProgram =
                get(
                        "city-admin",
                        "participation",
                        Map.of("groupBy", "program", "schoolYear", fixture.schoolYear));
        Map<String, Object> counted = cell(byProgram, "program", second.toString());
        assertEquals(12, ((Number) counted.get("n")).intValue(), "counted where most days");
        assertEquals(2, cells(byProgram).size(), "both programs of the year are listed");
        assertEquals(true, cell(byProgram, "program", first.toString()).get("suppressed"));
        assertEquals(12, (int) byProgram.path("total.n"), "so the first program holds nobody");
    }

    @Test
    void participation_twoGroupings_neverLetASuppressedGradeBeSummedBack() {
        OutcomeFixture fixture = new OutcomeFixture(em);
        UUID program = fixture.program(fixture.provider());
        fixture.youth(20, "3", "A", program, 65);
        fixture.youth(14, "3", "B", program, 20);
        fixture.youth(4, "4", "A", program, 40);
        fixture.youth(13, "4", "B", program, 5);
        fixture.youth(11, "5", "A", program, 35);
        fixture.youth(16, "5", "B", program, 45);
        String year = fixture.schoolYear;

        var grades =
                get(
                        "evaluator",
                        "participation",
                        Map.of("groupBy", "gradeLevel", "schoolYear", year));
        var pairs =
                get(
                        "evaluator",
                        "participation",
                        Map.of("groupBy", "gradeLevel,schoolCode", "schoolYear", year));
        var schools =
                get(
                        "evaluator",
                        "participation",
                        Map.of("groupBy", "schoolCode", "schoolYear", year));

        assertEquals(grades.path("total.n"), (Object) pairs.path("total.n"));
        assertEquals(grades.path("total.n"), (Object) schools.path("total.n"));
        for (Map<String, Object> g : cells(grades)) {
            String grade = (String) ((Map<?, ?>) g.get("group")).get("gradeLevel");
            // Schools A and B: every other listed school is empty here, and the suppression
            // holds even against an attacker who knows that. (A listed school code may be null.)
            List<Map<String, Object>> row =
                    cells(pairs).stream()
                            .filter(
                                    c ->
                                            grade.equals(
                                                            ((Map<?, ?>) c.get("group"))
                                                                    .get("gradeLevel"))
                                                    && java.util.Arrays.asList("A", "B")
                                                            .contains(
                                                                    ((Map<?, ?>) c.get("group"))
                                                                            .get("schoolCode")))
                            .toList();
            assertEquals(2, row.size(), "grade " + grade + " lists schools A and B");
            boolean rowComplete = row.stream().noneMatch(c -> (Boolean) c.get("suppressed"));
            if ((Boolean) g.get("suppressed")) {
                assertTrue(!rowComplete, "a hidden grade is not the sum of its shown row");
            } else if (rowComplete) {
                long sum = row.stream().mapToLong(c -> ((Number) c.get("n")).longValue()).sum();
                assertEquals(((Number) g.get("n")).longValue(), sum);
            }
        }
        Map<String, Object> smallPair =
                cells(pairs).stream()
                        .filter(
                                c ->
                                        "4".equals(((Map<?, ?>) c.get("group")).get("gradeLevel"))
                                                && "A"
                                                        .equals(
                                                                ((Map<?, ?>) c.get("group"))
                                                                        .get("schoolCode")))
                        .findFirst()
                        .orElseThrow();
        assertEquals(true, smallPair.get("suppressed"));
    }

    @Test
    void participation_providerFilter_isTheProvidersSliceOfTheSamePattern() {
        OutcomeFixture fixture = new OutcomeFixture(em);
        String north = fixture.provider();
        String south = fixture.provider();
        UUID northClub = fixture.program(north);
        UUID southClub = fixture.program(south);
        fixture.youth(30, "K", "A", northClub, 12);
        fixture.youth(4, "1", "A", northClub, 12);
        fixture.youth(25, "K", "A", southClub, 40);
        fixture.youth(22, "1", "A", southClub, 40);
        String year = fixture.schoolYear;

        var byProvider =
                get(
                        "dashboard",
                        "participation",
                        Map.of("groupBy", "provider", "schoolYear", year));
        var filtered =
                get(
                        "dashboard",
                        "participation",
                        Map.of("groupBy", "gradeLevel", "schoolYear", year, "providerCode", north));
        var sliced =
                get(
                        "dashboard",
                        "participation",
                        Map.of("groupBy", "provider,gradeLevel", "schoolYear", year));

        Map<String, Object> northCell = cell(byProvider, "provider", north);
        assertEquals(northCell.get("n"), filtered.path("total.n"));
        assertEquals(northCell.get("suppressed"), filtered.path("total.suppressed"));
        Map<String, Object> expected = new HashMap<>();
        for (Map<String, Object> c : cells(sliced)) {
            Map<?, ?> group = (Map<?, ?>) c.get("group");
            if (north.equals(group.get("provider"))) {
                expected.put((String) group.get("gradeLevel"), c.get("suppressed"));
            }
        }
        for (Map<String, Object> c : cells(filtered)) {
            String grade = (String) ((Map<?, ?>) c.get("group")).get("gradeLevel");
            assertEquals(expected.get(grade), c.get("suppressed"), "grade " + grade);
        }
        assertEquals(true, cell(filtered, "gradeLevel", "1").get("suppressed"));
    }

    @Test
    void read_recordsAnAuditEventNamingTheQuery() {
        OutcomeFixture fixture = new OutcomeFixture(em);
        fixture.youth(10, "9", "Z", fixture.program(fixture.provider()), 3);

        var answer =
                get(
                        "dashboard",
                        "participation",
                        Map.of("groupBy", "schoolCode", "schoolYear", fixture.schoolYear));

        assertEquals(200, answer.statusCode());
        Number events =
                (Number)
                        em.createNativeQuery(
                                        "select count(*) from audit_event where action ="
                                                + " 'outcome.read' and resource = ?1")
                                .setParameter(
                                        1,
                                        "outcomes/participation?groupBy=schoolCode&schoolYear="
                                                + fixture.schoolYear)
                                .getSingleResult();
        assertEquals(1, events.intValue());
    }

    @Test
    void read_otherRoles_get403() {
        for (String role : List.of("provider-staff", "guardian", "auditor", "district-steward")) {
            given().auth()
                    .oauth2(Tokens.of(role, "X"))
                    .queryParam("groupBy", "gradeLevel")
                    .get("/api/v1/outcomes/participation")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        given().queryParam("groupBy", "gradeLevel")
                .get("/api/v1/outcomes/participation")
                .then()
                .statusCode(401);
    }

    @Test
    void read_badParameters_get400NamingTheParameter() {
        String[][] cases = {
            {"graduation", "gradeLevel", null, null, "metric"},
            {"participation", "", null, null, "groupBy"},
            {"participation", null, null, null, "groupBy"},
            {"participation", "height", null, null, "groupBy"},
            {"participation", "gradeLevel,gradeLevel", null, null, "groupBy"},
            {"participation", "gradeLevel,schoolCode,dosageBand", null, null, "groupBy"},
            {"participation", "gradeLevel,", null, null, "groupBy"},
            {"participation", "gradeLevel", "2024", null, "schoolYear"},
            {"participation", "gradeLevel", "2024-2026", null, "schoolYear"},
            {"participation", "gradeLevel,schoolCode", null, "ANY", "groupBy"},
            {"participation", "gradeLevel", null, "NO-SUCH-PROVIDER", "providerCode"},
        };
        for (String[] c : cases) {
            var request = given().auth().oauth2(Tokens.of("dashboard", "CITY"));
            if (c[1] != null) {
                request.queryParam("groupBy", c[1]);
            }
            if (c[2] != null) {
                request.queryParam("schoolYear", c[2]);
            }
            if (c[3] != null) {
                request.queryParam("providerCode", c[3]);
            }
            var answer = request.get("/api/v1/outcomes/" + c[0]);
            assertEquals(400, answer.statusCode(), java.util.Arrays.toString(c));
            answer.then()
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem(c[4]))
                    .body("status", equalTo(400));
        }
    }
}
