package io.steward.schooldata;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.steward.support.EdFiSample;
import io.steward.support.Sharing;
import io.steward.support.Youth;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The Grand Bend sample through the upload. Each test registers its own district code for the
 * sample's student ids, so the sample's LEA id stays free for others.
 */
@QuarkusTest
class EdFiUploadTest {

    /** Students of the sample: absences 4 and 20 (school 255901001), tardies only (255901107). */
    static final String ABSENT_4 = "604822";

    static final String ABSENT_20 = "604940";
    static final String TARDY_ONLY = "604825";

    /** Took both eighth-grade tests: mathematics not met (691), reading met (737). */
    static final String TESTED = "604898";

    /** Not tested (absent) on both. */
    static final String NOT_TESTED = "604861";

    @Inject Youth youth;

    record World(String district, UUID agreement) {}

    World world(List<String> categories) {
        String district = Youth.org("DISTRICT");
        for (String id : List.of(ABSENT_4, ABSENT_20, TARDY_ONLY, TESTED, NOT_TESTED)) {
            youth.participant(district, id);
        }
        return new World(district, Sharing.active(district, Youth.org("EVALUATOR"), categories));
    }

    static ValidatableResponse xml(World w, byte[] body) {
        return given().auth()
                .oauth2(Sharing.steward(w.district()))
                .contentType("application/xml")
                .body(body)
                .post("/api/v1/agreements/" + w.agreement() + "/academic-records")
                .then();
    }

    long stored(World w) {
        return youth.count(
                "select count(*) from academic_record where agreement_id = ?1", w.agreement());
    }

    double plain(World w, String column, String studentId) {
        return ((Number)
                        youth.query(
                                        "select r."
                                                + column
                                                + " from academic_record r join participant p on"
                                                + " p.id = r.participant_id where r.agreement_id ="
                                                + " ?1 and p.student_key = ?2",
                                        w.agreement(),
                                        youth.studentKey(w.district(), studentId))
                                .get(0))
                .doubleValue();
    }

    @Test
    void students_areMatchedAndCountedButNothingIsStored() {
        World w = world(List.of("SCHOOL_ATTENDANCE"));
        xml(w, EdFiSample.read("Student.xml"))
                .statusCode(200)
                .body("format", equalTo("InterchangeStudent"))
                .body("received", equalTo(960))
                .body("stored", equalTo(0))
                .body("matchedParticipants", equalTo(5))
                .body("droppedNotParticipants", equalTo(955));
        assertEquals(0, stored(w));
    }

    @Test
    void attendance_withCalendar_countsAbsencesAndInstructionalDays() {
        World w = world(List.of("SCHOOL_ATTENDANCE"));
        xml(w, EdFiSample.read("EducationOrgCalendar.xml"))
                .statusCode(200)
                .body("received", equalTo(6))
                .body("calendars", equalTo(3));

        xml(w, EdFiSample.read("StudentSchoolAttendance.xml"))
                .statusCode(200)
                .body("format", equalTo("InterchangeStudentAttendance"))
                .body("received", equalTo(227))
                .body("stored", equalTo(3))
                .body("droppedNotParticipants", equalTo(224));

        assertEquals(4.0, plain(w, "days_absent", ABSENT_4));
        assertEquals(20.0, plain(w, "days_absent", ABSENT_20));
        assertEquals(0.0, plain(w, "days_absent", TARDY_ONLY));
        assertEquals(169.0, plain(w, "days_enrolled", ABSENT_4));
        assertEquals(169.0, plain(w, "days_enrolled", TARDY_ONLY));
        given().auth()
                .oauth2(Sharing.steward(w.district()))
                .get(
                        "/api/v1/participants/"
                                + youth.query(
                                                "select id from participant where student_key = ?1",
                                                youth.studentKey(w.district(), ABSENT_20))
                                        .get(0)
                                + "/academic-records")
                .then()
                .statusCode(200)
                .body("items[0].category", equalTo("SCHOOL_ATTENDANCE"))
                .body("items[0].schoolYear", equalTo("2021-2022"))
                .body("items[0].daysAbsent", equalTo(20.0f))
                .body("items[0].daysEnrolled", equalTo(169));
    }

    @Test
    void attendance_withoutCalendar_usesTheDefaultYearLength() {
        World w = world(List.of("SCHOOL_ATTENDANCE"));
        xml(w, EdFiSample.read("StudentSchoolAttendance.xml")).statusCode(200);
        assertEquals(180.0, plain(w, "days_enrolled", ABSENT_4));
    }

    @Test
    void assessments_mapPerformanceLevelsAndSkipTheUntested() {
        World w = world(List.of("ASSESSMENTS"));
        xml(w, EdFiSample.read("StudentAssessment-StateAssessment.xml"))
                .statusCode(200)
                .body("received", equalTo(34))
                .body("skipped", equalTo(2))
                .body("stored", equalTo(2));
        List<Object> flags =
                youth.query(
                        "select r.proficient from academic_record r join participant p"
                                + " on p.id = r.participant_id where r.agreement_id = ?1"
                                + " and p.student_key = ?2 order by r.proficient",
                        w.agreement(),
                        youth.studentKey(w.district(), TESTED));
        assertEquals(List.of(false, true), flags);
    }

    @Test
    void interchangeOfAnotherCategory_returns400AndStoresNothing() {
        World w = world(List.of("SCHOOL_ATTENDANCE"));
        xml(w, EdFiSample.read("StudentAssessment-StateAssessment.xml"))
                .statusCode(400)
                .body("errors[0].field", equalTo("body"));
        assertEquals(0, stored(w));
    }

    @Test
    void unsupportedInterchange_returns400() {
        World w = world(List.of("SCHOOL_ATTENDANCE"));
        xml(w, EdFiSample.read("EducationOrganization.xml"))
                .statusCode(400)
                .body("errors[0].message", containsString("InterchangeStudentAttendance"));
    }

    @Test
    void malformedXml_returns400AndStoresNothing() {
        World w = world(List.of("SCHOOL_ATTENDANCE"));
        byte[] whole = EdFiSample.read("StudentSchoolAttendance.xml");
        byte[] cut = Arrays.copyOf(whole, whole.length / 2);
        xml(w, cut).statusCode(400).body("errors[0].field", equalTo("body"));
        assertEquals(0, stored(w));
    }

    @Test
    void externalEntity_isRefusedAndNotRead() {
        World w = world(List.of("SCHOOL_ATTENDANCE"));
        String xxe =
                "<?xml version=\"1.0\"?>\n"
                    + "<!DOCTYPE InterchangeStudent [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                    + "<InterchangeStudent xmlns=\"http://ed-fi.org/5.2.0\"><Student>"
                    + "<StudentUniqueId>&x;</StudentUniqueId></Student></InterchangeStudent>";
        xml(w, xxe.getBytes(StandardCharsets.UTF_8))
                .statusCode(400)
                .body(not(containsString("root:")));
    }

    @Test
    void entityExpansion_isRefused() {
        World w = world(List.of("SCHOOL_ATTENDANCE"));
        StringBuilder doc = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE r [");
        doc.append("<!ENTITY a \"aaaaaaaaaa\">");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            doc.append("<!ENTITY ").append(c).append(" \"");
            doc.append(("&" + p + ";").repeat(10)).append("\">");
        }
        doc.append("]><InterchangeStudent><Student><StudentUniqueId>&j;</StudentUniqueId>");
        doc.append("</Student></InterchangeStudent>");
        xml(w, doc.toString().getBytes(StandardCharsets.UTF_8)).statusCode(400);
    }
}
