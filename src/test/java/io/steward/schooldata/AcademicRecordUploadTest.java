package io.steward.schooldata;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.steward.crypto.Envelope;
import io.steward.crypto.FieldContext;
import io.steward.support.Sharing;
import io.steward.support.Youth;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AcademicRecordUploadTest {

    static final String HEADER =
            "districtStudentId,schoolYear,category,daysEnrolled,daysAbsent,course,mark,subject,"
                    + "scaleScore,proficient\n";

    @Inject Youth youth;
    @Inject Envelope envelope;

    long stored(UUID agreement) {
        return youth.count(
                "select count(*) from academic_record where agreement_id = ?1", agreement);
    }

    @Test
    void csv_storesParticipantsEncryptedAndDropsOthers() {
        String district = Youth.org("DISTRICT");
        String a = Youth.studentId();
        String b = Youth.studentId();
        UUID ya = youth.participant(district, a);
        UUID yb = youth.participant(district, b);
        UUID agreement = Sharing.active(district, Youth.org("EVALUATOR"));
        String csv =
                HEADER
                        + a
                        + ",2021-2022,SCHOOL_ATTENDANCE,170,4.5,,,,,\r\n"
                        + " "
                        + a.toLowerCase()
                        + " ,2021-2022,GRADES,,,\"Algebra I, honors\",B+,,,\r\n"
                        + b
                        + ",2021-2022,ASSESSMENTS,,,,,Mathematics,691,false\r\n"
                        + "NOT-A-PARTICIPANT,2021-2022,GRADES,,,Biology,A,,,\r\n";

        Sharing.upload(agreement, district, "text/csv", csv)
                .statusCode(200)
                .body("format", equalTo("CSV"))
                .body("received", equalTo(4))
                .body("stored", equalTo(3))
                .body("droppedNotParticipants", equalTo(1))
                .body("matchedParticipants", equalTo(2));

        assertEquals(3, stored(agreement));
        List<Object> rows =
                youth.query(
                        "select id, payload from academic_record where agreement_id = ?1"
                                + " and category = 'GRADES'",
                        agreement);
        Object[] row = (Object[]) rows.get(0);
        byte[] payload = (byte[]) row[1];
        assertFalse(new String(payload, StandardCharsets.ISO_8859_1).contains("Algebra"));
        String json =
                envelope.decrypt(
                        payload, FieldContext.of("academic_record", "payload", (UUID) row[0]));
        assertTrue(json.contains("Algebra I, honors"));
        assertEquals(
                1,
                youth.count(
                        "select count(*) from data_key where scope = ?1 and destroyed_at is null",
                        "agreement:" + agreement));
        assertEquals(
                4.5,
                ((Number)
                                youth.query(
                                                "select days_absent from academic_record"
                                                        + " where participant_id = ?1",
                                                ya)
                                        .get(0))
                        .doubleValue());
        assertEquals(
                1,
                youth.count(
                        "select count(*) from audit_event where action = 'academic-records.upload'"
                                + " and resource = ?1 and ?2 = any(participant_ids)"
                                + " and ?3 = any(participant_ids)",
                        "agreements/" + agreement + "/academic-records",
                        ya,
                        yb));
    }

    @Test
    void csv_categoryOutsideAgreement_returns400NamingRowAndColumnAndStoresNothing() {
        String district = Youth.org("DISTRICT");
        String a = Youth.studentId();
        youth.participant(district, a);
        UUID agreement =
                Sharing.active(district, Youth.org("EVALUATOR"), List.of("SCHOOL_ATTENDANCE"));
        String csv =
                HEADER
                        + a
                        + ",2021-2022,SCHOOL_ATTENDANCE,170,4,,,,,\n"
                        + a
                        + ",2021-2022,GRADES,,,Biology,A,,,\n";

        Sharing.upload(agreement, district, "text/csv", csv)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].row", equalTo(2))
                .body("errors[0].column", equalTo("category"));
        assertEquals(0, stored(agreement));
    }

    @Test
    void csv_badValues_return400ForEachAndStoreNothing() {
        String district = Youth.org("DISTRICT");
        String a = Youth.studentId();
        youth.participant(district, a);
        UUID agreement = Sharing.active(district, Youth.org("EVALUATOR"));
        String csv =
                HEADER
                        + a
                        + ",2021-2022,SCHOOL_ATTENDANCE,170,171,,,,,\n"
                        + a
                        + ",2021-2023,GRADES,,,Biology,A,,,\n"
                        + a
                        + ",2021-2022,ASSESSMENTS,,,,,Reading,,maybe\n"
                        + a
                        + ",2021-2022,UNKNOWN,,,,,,,\n"
                        + a
                        + ",2022-2023,GRADES,4,,Biology,,,,\n";

        Sharing.upload(agreement, district, "text/csv", csv)
                .statusCode(400)
                .body("errors.find { it.row == 1 }.column", equalTo("daysAbsent"))
                .body("errors.find { it.row == 2 }.column", equalTo("schoolYear"))
                .body("errors.find { it.row == 3 }.column", equalTo("proficient"))
                .body("errors.find { it.row == 4 }.column", equalTo("category"))
                .body("errors.findAll { it.row == 5 }.column", hasItem("daysEnrolled"))
                .body("errors.findAll { it.row == 5 }.column", hasItem("mark"));
        assertEquals(0, stored(agreement));
    }

    @Test
    void csv_withBomAndDuplicateRow_returns400NamingTheRepeat() {
        String district = Youth.org("DISTRICT");
        String a = Youth.studentId();
        youth.participant(district, a);
        UUID agreement = Sharing.active(district, Youth.org("EVALUATOR"));
        String csv =
                "\uFEFF"
                        + HEADER
                        + a
                        + ",2021-2022,GRADES,,,Biology,A,,,\n"
                        + a.toLowerCase()
                        + ",2021-2022,GRADES,,,biology,B,,,\n";
        Sharing.upload(agreement, district, "text/csv", csv)
                .statusCode(400)
                .body("errors[0].row", equalTo(2));
        assertEquals(0, stored(agreement));
    }

    @Test
    void csv_missingRequiredColumn_returns400() {
        String district = Youth.org("DISTRICT");
        UUID agreement = Sharing.active(district, Youth.org("EVALUATOR"));
        Sharing.upload(agreement, district, "text/csv", "districtStudentId,category\nA,GRADES\n")
                .statusCode(400)
                .body("errors[0].column", equalTo("schoolYear"))
                .body("errors[0].row", equalTo(0));
    }

    @Test
    void ndjson_reuploadReplacesInsteadOfDuplicating() {
        String district = Youth.org("DISTRICT");
        String a = Youth.studentId();
        youth.participant(district, a);
        UUID agreement = Sharing.active(district, Youth.org("EVALUATOR"));
        String body =
                "{\"districtStudentId\":\""
                        + a
                        + "\",\"schoolYear\":\"2021-2022\","
                        + "\"category\":\"ASSESSMENTS\",\"subject\":\"Reading\","
                        + "\"scaleScore\":737,\"proficient\":true}\n"
                        + "\n"
                        + "{\"districtStudentId\":\""
                        + a
                        + "\",\"schoolYear\":\"2021-2022\","
                        + "\"category\":\"SCHOOL_ATTENDANCE\",\"daysEnrolled\":169,"
                        + "\"daysAbsent\":2}\n";

        Sharing.upload(agreement, district, "application/x-ndjson", body)
                .statusCode(200)
                .body("stored", equalTo(2))
                .body("replaced", equalTo(0));
        Sharing.upload(agreement, district, "application/x-ndjson", body)
                .statusCode(200)
                .body("stored", equalTo(2))
                .body("replaced", equalTo(2));
        assertEquals(2, stored(agreement));
    }

    @Test
    void ndjson_malformedLineOrUnknownField_returns400ByLine() {
        String district = Youth.org("DISTRICT");
        UUID agreement = Sharing.active(district, Youth.org("EVALUATOR"));
        String body =
                "{\"districtStudentId\":\"X\",\"schoolYear\":\"2021-2022\","
                        + "\"category\":\"GRADES\",\"course\":\"Art\",\"mark\":\"A\","
                        + "\"ssn\":\"1\"}\n"
                        + "{not json\n";
        Sharing.upload(agreement, district, "application/x-ndjson", body)
                .statusCode(400)
                .body("errors.find { it.row == 1 }.column", equalTo("ssn"))
                .body("errors.find { it.row == 2 }.column", equalTo("line"));
        assertEquals(0, stored(agreement));
    }

    @Test
    void ndjson_repeatedProperty_namesItsColumnNotTheLine() {
        String district = Youth.org("DISTRICT");
        UUID agreement = Sharing.active(district, Youth.org("EVALUATOR"));
        String row =
                "{\"districtStudentId\":\"X\",\"schoolYear\":\"2021-2022\","
                        + "\"category\":\"GRADES\",\"course\":\"Art\",\"mark\":\"A\"";
        String body =
                row
                        + ",\"mark\":\"B\"}\n"
                        + row.replace("\"course\":\"Art\"", "\"course\":{\"x\":1,\"x\":2}")
                        + "}\n"
                        + "[{\"x\":1,\"x\":2}]\n";
        Sharing.upload(agreement, district, "application/x-ndjson", body)
                .statusCode(400)
                .body("errors.size()", equalTo(3))
                .body("errors.find { it.row == 1 }.column", equalTo("mark"))
                .body("errors.find { it.row == 1 }.message", equalTo("must be given only once"))
                .body("errors.find { it.row == 2 }.column", equalTo("course"))
                .body(
                        "errors.find { it.row == 2 }.message",
                        equalTo("must be text, a number or a boolean"))
                .body("errors.find { it.row == 3 }.column", equalTo("line"))
                .body("errors.find { it.row == 3 }.message", equalTo("is not a JSON object"));
        assertEquals(0, stored(agreement));
    }

    @Test
    void ndjson_controlCharacterOrLoneSurrogate_isARowErrorAndStoresNothing() {
        String district = Youth.org("DISTRICT");
        String a = Youth.studentId();
        youth.participant(district, a);
        UUID agreement = Sharing.active(district, Youth.org("EVALUATOR"));
        String body =
                "{\"districtStudentId\":\""
                        + a
                        + "\",\"schoolYear\":\"2021-2022\","
                        + "\"category\":\"GRADES\",\"course\":\"A\\u0007rt\",\"mark\":\"A\"}\n"
                        + "{\"districtStudentId\":\""
                        + a
                        + "\",\"schoolYear\":\"2021-2022\","
                        + "\"category\":\"GRADES\",\"course\":\"Math\",\"mark\":\"B\\ud800\"}\n";

        Sharing.upload(agreement, district, "application/x-ndjson", body)
                .statusCode(400)
                .body("errors.find { it.row == 1 }.column", equalTo("course"))
                .body("errors.find { it.row == 2 }.column", equalTo("mark"));
        assertEquals(0, stored(agreement));
    }

    @Test
    void upload_otherMediaType_returns415() {
        String district = Youth.org("DISTRICT");
        UUID agreement = Sharing.active(district, Youth.org("EVALUATOR"));
        given().auth()
                .oauth2(Sharing.steward(district))
                .contentType("application/json")
                .body("[]")
                .post("/api/v1/agreements/" + agreement + "/academic-records")
                .then()
                .statusCode(415);
    }
}
