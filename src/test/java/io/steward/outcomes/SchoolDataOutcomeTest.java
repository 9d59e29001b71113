package io.steward.outcomes;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.steward.support.Sharing;
import io.steward.support.Tokens;
import io.steward.support.Youth;
import io.steward.support.YouthFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The academic metrics end to end over real school data: youth registered, enrolled and attending
 * through the API, their school records uploaded by the district under an AUDIT_EVALUATION
 * agreement naming the city, and outcomes read as the city's dashboard. Grades 5, 6 and 8 have 12
 * youth each, grade 7 only 3; in grade g, youth j (0 to 11) was absent {@code ABSENT_FROM[g] + j}
 * of 100 days and is proficient when {@code j < PROFICIENT[g]}.
 */
@QuarkusTest
class SchoolDataOutcomeTest {

    static final String YEAR = "2025-2026";
    static final Map<String, Integer> SIZE = Map.of("5", 12, "6", 12, "7", 3, "8", 12);
    static final Map<String, Integer> ABSENT_FROM = Map.of("5", 5, "6", 20, "7", 1, "8", 30);
    static final Map<String, Integer> PROFICIENT = Map.of("5", 9, "6", 6, "7", 3, "8", 3);
    static final String CSV_HEADER =
            "districtStudentId,schoolYear,category,daysEnrolled,daysAbsent,course,"
                    + "mark,subject,scaleScore,proficient\n";

    @jakarta.inject.Inject Youth youth;

    String district;
    String city;
    String provider;

    @org.junit.jupiter.api.BeforeEach
    void organizations() {
        district = Youth.org("DISTRICT");
        city = Youth.org("COORDINATOR");
        provider = Youth.org("PROVIDER");
    }

    /** An ACTIVE agreement of {@code district} naming {@code recipient}, for both categories. */
    static UUID agreement(String district, String recipient, String basis, int minimumCellSize) {
        Map<String, Object> body =
                Sharing.agreementBody(
                        district, recipient, List.of("SCHOOL_ATTENDANCE", "ASSESSMENTS"));
        body.put("basis", basis);
        body.put("minimumCellSize", minimumCellSize);
        UUID id =
                UUID.fromString(
                        given().auth()
                                .oauth2(Youth.admin())
                                .contentType(ContentType.JSON)
                                .body(body)
                                .post("/api/v1/agreements")
                                .then()
                                .statusCode(201)
                                .extract()
                                .path("id"));
        given().auth()
                .oauth2(Sharing.steward(district))
                .post("/api/v1/agreements/" + id + "/signature")
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("ACTIVE"));
        return id;
    }

    /** The youth of {@link #youthWithAttendance}: their records' CSV, and student ids by grade. */
    record Cohort(String csv, Map<String, List<String>> studentIds) {}

    /** Registers, enrolls and records attendance for every youth, in the district's schools. */
    static Cohort youthWithAttendance(String district, String provider) {
        String program = YouthFixtures.program(provider);
        StringBuilder csv = new StringBuilder(CSV_HEADER);
        Map<String, List<String>> studentIds = new java.util.HashMap<>();
        List<Map<String, Object>> attendance = new ArrayList<>();
        for (String grade : List.of("5", "6", "7", "8")) {
            for (int j = 0; j < SIZE.get(grade); j++) {
                Map<String, Object> body = YouthFixtures.body();
                body.put("gradeLevel", grade);
                body.put("districtCode", district);
                String studentId = (String) body.get("districtStudentId");
                studentIds.computeIfAbsent(grade, g -> new ArrayList<>()).add(studentId);
                String id = YouthFixtures.create(YouthFixtures.staff(provider), body);
                YouthFixtures.enroll(provider, program, id);
                for (String day : List.of("2025-10-01", "2025-10-02", "2025-10-03")) {
                    attendance.add(Map.of("participantId", id, "date", day, "minutes", 60));
                }
                csv.append(
                        record(studentId, ABSENT_FROM.get(grade) + j, j < PROFICIENT.get(grade)));
            }
        }
        given().auth()
                .oauth2(YouthFixtures.staff(provider))
                .contentType(ContentType.JSON)
                .body(attendance)
                .put("/api/v1/programs/" + program + "/attendance")
                .then()
                .statusCode(200);
        return new Cohort(csv.toString(), studentIds);
    }

    /** A youth's two CSV lines for the year: 100 days enrolled, and one reading assessment. */
    static String record(String studentId, int daysAbsent, boolean proficient) {
        return studentId
                + ','
                + YEAR
                + ",SCHOOL_ATTENDANCE,100,"
                + daysAbsent
                + ",,,,,\n"
                + studentId
                + ','
                + YEAR
                + ",ASSESSMENTS,,,,,Reading,700,"
                + proficient
                + '\n';
    }

    static JsonPath outcome(String token, String metric, int status) {
        String body =
                given().auth()
                        .oauth2(token)
                        .queryParam("groupBy", "gradeLevel")
                        .queryParam("schoolYear", YEAR)
                        .get("/api/v1/outcomes/" + metric)
                        .then()
                        .statusCode(status)
                        .extract()
                        .asString();
        return JsonPath.from(body)
                .using(
                        new JsonPathConfig()
                                .numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    static double expectedAttendance(String grade) {
        double sum = 0;
        for (int j = 0; j < SIZE.get(grade); j++) {
            sum += 1 - (ABSENT_FROM.get(grade) + j) / 100.0;
        }
        return sum / SIZE.get(grade);
    }

    static double expectedProficiency(String grade) {
        return PROFICIENT.get(grade) / (double) SIZE.get(grade);
    }

    /** Checks the grade cells: 7 suppressed, shown ones exact, and grade 7 not derivable. */
    static void checkCells(JsonPath answer, Map<String, Double> expected) {
        assertEquals(10.0, answer.getDouble("minimumCellSize"), "the larger of 10 and 5");
        List<Map<String, Object>> cells = answer.getList("cells");
        assertEquals(14, cells.size(), "one cell per grade level, PK to 12: " + cells);
        int suppressed = 0;
        for (Map<String, Object> cell : cells) {
            @SuppressWarnings("unchecked")
            String grade = ((Map<String, String>) cell.get("group")).get("gradeLevel");
            if (!SIZE.containsKey(grade)) {
                assertEquals(true, cell.get("suppressed"), "an empty grade is never shown");
                assertNull(cell.get("n"), grade);
                continue;
            }
            if (Boolean.TRUE.equals(cell.get("suppressed"))) {
                suppressed++;
                assertNull(cell.get("n"), grade);
                assertNull(cell.get("value"), grade);
                continue;
            }
            assertEquals((double) SIZE.get(grade), ((Number) cell.get("n")).doubleValue(), grade);
            assertNotNull(cell.get("value"), grade + " " + cell);
            assertEquals(expected.get(grade), ((Number) cell.get("value")).doubleValue(), 0.0011);
        }
        Map<String, Object> seventh = answer.getMap("cells.find { it.group.gradeLevel == '7' }");
        assertEquals(true, seventh.get("suppressed"), "3 youth are below the minimum");
        boolean totalShown = !answer.getBoolean("total.suppressed");
        assertTrue(
                !totalShown || suppressed >= 2,
                "with the total shown, a second grade with youth hides grade 7: " + cells);
        if (totalShown) {
            assertEquals(39.0, answer.getDouble("total.n"));
        }
    }

    @Test
    void outcomes_schoolDataUnderAuditAgreement_areComputedAndSuppressedUntilTermination() {
        UUID agreement = agreement(district, city, "AUDIT_EVALUATION", 5);
        String csv = youthWithAttendance(district, provider).csv();
        Sharing.upload(agreement, district, "text/csv", csv)
                .statusCode(200)
                .body("stored", org.hamcrest.Matchers.equalTo(78));

        String dashboard = Tokens.of("dashboard", city);
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
        checkCells(
                outcome(Tokens.of("city-admin", city), "school-attendance", 200),
                Map.of(
                        "5", expectedAttendance("5"),
                        "6", expectedAttendance("6"),
                        "8", expectedAttendance("8")));

        given().auth()
                .oauth2(Youth.admin())
                .post("/api/v1/agreements/" + agreement + "/termination")
                .then()
                .statusCode(200);

        // The city's only agreement has ended: no school data may be used for it any more.
        outcome(dashboard, "school-attendance", 404);
        outcome(dashboard, "assessment-proficiency", 404);
        assertEquals(
                0,
                youth.count(
                        "select count(*) from academic_record where agreement_id = ?1", agreement),
                "termination destroys the records");
    }
}
