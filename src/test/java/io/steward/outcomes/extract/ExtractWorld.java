package io.steward.outcomes.extract;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.steward.support.Sharing;
import io.steward.support.Youth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;

/**
 * Twelve youth of district D with school data under two STUDIES agreements naming evaluator E: six
 * in grade 7 at SCH-1 born 2012, five in grade 8 at SCH-1 born 2011, and one in grade 12 at SCH-2
 * born 2007. Youth i was absent i of 100 days in 2024-2025, and proficient in Reading when i is
 * even. Agreement {@code attendance} (SCHOOL_ATTENDANCE and ASSESSMENTS, minimum 5) and {@code all}
 * (every category, minimum 6; each youth also has an Algebra I mark of B).
 */
final class ExtractWorld {

    static final String HEADER =
            "districtStudentId,schoolYear,category,daysEnrolled,daysAbsent,course,mark,subject,"
                    + "scaleScore,proficient\n";

    final String d = Youth.org("DISTRICT");
    final String e = Youth.org("EVALUATOR");
    final List<UUID> youth = new ArrayList<>();
    final List<String> studentIds = new ArrayList<>();
    final UUID attendance;
    final UUID all;

    ExtractWorld(Youth fixtures) {
        for (int i = 0; i < 12; i++) {
            String grade = i < 6 ? "7" : i < 11 ? "8" : "12";
            String school = i < 11 ? "SCH-1" : "SCH-2";
            String born = (i < 6 ? "2012" : i < 11 ? "2011" : "2007") + "-0" + (1 + i % 9) + "-15";
            String sid = Youth.studentId();
            studentIds.add(sid);
            youth.add(fixtures.participant(d, sid, grade, school, born));
        }
        attendance = active(List.of("SCHOOL_ATTENDANCE", "ASSESSMENTS"), 5, "STUDIES");
        all = active(List.of("SCHOOL_ATTENDANCE", "GRADES", "ASSESSMENTS"), 6, "STUDIES");
        upload(attendance, false);
        upload(all, true);
    }

    UUID active(List<String> categories, int minimum, String basis) {
        UUID id = draft(categories, minimum, basis);
        given().auth()
                .oauth2(Sharing.steward(d))
                .post("/api/v1/agreements/" + id + "/signature")
                .then()
                .statusCode(200);
        return id;
    }

    UUID draft(List<String> categories, int minimum, String basis) {
        Map<String, Object> body = Sharing.agreementBody(d, e, categories);
        body.put("minimumCellSize", minimum);
        body.put("basis", basis);
        return UUID.fromString(
                given().auth()
                        .oauth2(Youth.admin())
                        .contentType(ContentType.JSON)
                        .body(body)
                        .post("/api/v1/agreements")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"));
    }

    private void upload(UUID agreement, boolean grades) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < studentIds.size(); i++) {
            String sid = studentIds.get(i);
            csv.append(sid).append(",2024-2025,SCHOOL_ATTENDANCE,100,").append(i).append(",,,,,\n");
            csv.append(sid)
                    .append(",2024-2025,ASSESSMENTS,,,,,Reading,700,")
                    .append(i % 2 == 0)
                    .append('\n');
            if (grades) {
                csv.append(sid).append(",2024-2025,GRADES,,,Algebra I,B,,,\n");
            }
        }
        Sharing.upload(agreement, d, "text/csv", csv.toString())
                .statusCode(200)
                .body("stored", Matchers.equalTo(studentIds.size() * (grades ? 3 : 2)));
    }

    static String evaluator(String org) {
        return io.steward.support.Tokens.of("evaluator", org);
    }
}
