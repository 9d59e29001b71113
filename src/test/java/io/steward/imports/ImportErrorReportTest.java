package io.steward.imports;

import static io.steward.imports.ImportFixtures.HEADER;
import static io.steward.imports.ImportFixtures.csv;
import static io.steward.imports.ImportFixtures.finished;
import static io.steward.imports.ImportFixtures.postCsv;
import static io.steward.imports.ImportFixtures.youth;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.steward.support.Tokens;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a failed import reports: every row's errors in one pass, and no more than it should. */
@QuarkusTest
class ImportErrorReportTest {

    private static final String IMPOSSIBLE_DATE = "must be a real date in the form YYYY-MM-DD";

    @Inject ImportFixtures db;

    @Test
    void import_fieldErrorInAnotherRow_stillReportsAKeyedRepeat() {
        String org = db.provider();
        UUID program = db.program(org);
        String token = Tokens.of("provider-staff", org);
        String student = "k-" + UUID.randomUUID();
        String body =
                HEADER
                        + "\n"
                        + youth(program, "X-" + UUID.randomUUID(), "2021-09-31")
                        + "\n"
                        + youth(program, student, "2012-01-01")
                        + "\n"
                        + keyed(program, "ADA", "lovelace", "d1", student.toUpperCase())
                        + "\n";
        long[] before = db.youthCounts();

        finished(token, postCsv(token, body).path("id"))
                .then()
                .body("status", equalTo("FAILED"))
                .body("errorCount", equalTo(2))
                .body("errors.row", equalTo(List.of(1, 3)))
                .body("errors[0].column", equalTo("dateOfBirth"))
                .body("errors[0].message", equalTo(IMPOSSIBLE_DATE))
                .body("errors[1].column", equalTo("programId"))
                .body("errors[1].message", equalTo("repeats row 2: the same youth and program"))
                .body("created", equalTo(0));
        assertArrayEquals(before, db.youthCounts());
    }

    @Test
    void import_fieldErrorInAnotherRow_stillReportsARepeatWithoutKey() {
        String org = db.provider();
        UUID program = db.program(org);
        String token = Tokens.of("provider-staff", org);
        String body =
                HEADER
                        + "\n"
                        + youth(program, "X-" + UUID.randomUUID(), "2021-09-31")
                        + "\n"
                        + keyless(program, "Chlo\u00e9", "Zola")
                        + "\n"
                        + keyless(program, "CHLOE\u0301", "zola")
                        + "\n";
        long[] before = db.youthCounts();

        finished(token, postCsv(token, body).path("id"))
                .then()
                .body("status", equalTo("FAILED"))
                .body("errorCount", equalTo(2))
                .body("errors.row", equalTo(List.of(1, 3)))
                .body("errors[1].message", equalTo("repeats row 2: the same youth and program"));
        assertArrayEquals(before, db.youthCounts());
    }

    @Test
    void import_fieldErrorInAnotherRow_storedKeyIsStillJudgedOnItsFirstRowOnly() {
        String student = storedYouth("2010-10-10");
        String other = db.provider();
        UUID program = db.program(other);
        UUID second = db.program(other);
        String token = Tokens.of("provider-staff", other);
        String body =
                HEADER
                        + "\n"
                        + youth(program, "X-" + UUID.randomUUID(), "2021-09-31")
                        + "\n"
                        + youth(program, student, "2010-10-09")
                        + "\n"
                        + youth(second, student, "2010-10-10")
                        + "\n";
        long[] before = db.youthCounts();

        // The right birth date (row 3) is compared with row 2, never with the stored youth.
        finished(token, postCsv(token, body).path("id"))
                .then()
                .body("status", equalTo("FAILED"))
                .body("errors.row", equalTo(List.of(1, 2, 3)))
                .body("errors[1].message", equalTo("conflicts with an existing youth record"))
                .body(
                        "errors[2].message",
                        equalTo(
                                "differs from row 2, which has the same districtCode and"
                                        + " districtStudentId"));
        assertArrayEquals(before, db.youthCounts());
    }

    @Test
    void import_rowMatchingTheKeysFirstRow_isNotARepeatOfARowThatDiffersFromIt() {
        String org = db.provider();
        UUID first = db.program(org);
        UUID second = db.program(org);
        String token = Tokens.of("provider-staff", org);
        String student = "KEYDUP-" + UUID.randomUUID();
        String body =
                HEADER
                        + "\n"
                        + youth(second, student, "2012-01-01")
                        + "\n"
                        + youth(first, student.toLowerCase(), "2012-01-02")
                        + "\n"
                        + youth(first, student, "2012-01-01")
                        + "\n";

        finished(token, postCsv(token, body).path("id"))
                .then()
                .body("status", equalTo("FAILED"))
                .body("errorCount", equalTo(1))
                .body("errors[0].row", equalTo(2))
                .body("errors[0].column", equalTo("dateOfBirth"))
                .body("errors[0].message", equalTo(differsFrom(1)));
    }

    @Test
    void import_rowsThatDifferFromTheKeysFirstRow_areNotRepeatsOfEachOther() {
        String org = db.provider();
        UUID program = db.program(org);
        String token = Tokens.of("provider-staff", org);
        String student = "D-" + UUID.randomUUID();
        UUID first = db.program(org);
        String body =
                HEADER
                        + "\n"
                        + youth(first, student, "2012-01-01")
                        + "\n"
                        + youth(program, student, "2012-01-02")
                        + "\n"
                        + youth(program, student, "2012-01-02")
                        + "\n";

        finished(token, postCsv(token, body).path("id"))
                .then()
                .body("status", equalTo("FAILED"))
                .body("errors.row", equalTo(List.of(2, 3)))
                .body("errors.message", equalTo(List.of(differsFrom(1), differsFrom(1))));
    }

    @Test
    void finishedAt_ofASucceededJob_isAfterItsRowsWereWritten() {
        String org = db.provider();
        UUID program = db.program(org);
        String token = Tokens.of("provider-staff", org);
        String body = HEADER + "\n" + youth(program, "F-" + UUID.randomUUID(), "2012-01-01");

        Response job = finished(token, postCsv(token, body).path("id"));

        job.then().body("status", equalTo("SUCCEEDED"));
        Instant finishedAt = Instant.parse(job.path("finishedAt"));
        Instant written =
                db.list(
                                "select max(created_at) from enrollment where program_id = ?",
                                OffsetDateTime.class,
                                program)
                        .get(0)
                        .toInstant();
        assertFalse(finishedAt.isBefore(written), finishedAt + " before " + written);
        assertFalse(finishedAt.isBefore(Instant.parse(job.path("startedAt"))));
    }

    @Test
    void post_headerFollowedByManyEmptyNames_listsAThousandProblemsAndCountsAll() {
        String org = db.provider();
        UUID program = db.program(org);
        String token = Tokens.of("provider-staff", org);
        String body =
                HEADER + ",".repeat(60_000) + "\n" + youth(program, "C-1", "2012-01-01") + "\n";

        Response answer = postCsv(token, body);

        answer.then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.size()", equalTo(1000))
                .body("errorCount", equalTo(60_000))
                .body("errorsTruncated", equalTo(true))
                .body("errors[0].row", equalTo(0))
                .body("errors[0].message", equalTo("column 13 is not a known column name"));
        assertTrue(
                answer.asByteArray().length < 200_000, "answer of " + answer.asByteArray().length);
    }

    @Test
    void post_headerOfManyUnknownNames_stillNamesTheMissingColumns() {
        String org = db.provider();
        String token = Tokens.of("provider-staff", org);
        StringBuilder header = new StringBuilder("a0");
        for (int i = 1; i < 2_000; i++) {
            header.append(",a").append(i);
        }

        postCsv(token, header + "\n" + "x,".repeat(1_999) + "x\n")
                .then()
                .statusCode(400)
                .body("errors.size()", equalTo(1000))
                .body("errorCount", equalTo(2_012))
                .body("errorsTruncated", equalTo(true))
                .body("errors.column", hasItems("programId", "startDate"));
    }

    @Test
    void post_headerProblemsUnderTheCap_areCountedAndNotTruncated() {
        String token = Tokens.of("provider-staff", db.provider());

        postCsv(token, HEADER.replace(",startDate", "") + "\nx\n")
                .then()
                .statusCode(400)
                .body("errors.size()", equalTo(1))
                .body("errorCount", equalTo(1))
                .body("errorsTruncated", equalTo(false));
    }

    @Test
    void post_headerNameWithSurroundingWhiteSpace_isRefusedByPosition() {
        String org = db.provider();
        UUID program = db.program(org);
        String token = Tokens.of("provider-staff", org);
        String row = youth(program, "W-" + UUID.randomUUID(), "2012-01-01");
        String header =
                HEADER.replace(",firstName,", ", firstName,").replace(",startDate", ",\tstartDate");

        Response answer = postCsv(token, header + "\n" + row + "\n");

        answer.then()
                .statusCode(400)
                .body("errors.row", hasItem(0))
                .body(
                        "errors.message",
                        hasItems(
                                "column 2 has white space around its name",
                                "column 12 has white space around its name"))
                .body("errors.column", hasItems("firstName", "startDate"));
        assertFalse(answer.asString().contains(" firstName"));
    }

    @Test
    void post_headerWithByteOrderMark_isAccepted() {
        String org = db.provider();
        UUID program = db.program(org);
        String token = Tokens.of("provider-staff", org);
        String row = youth(program, "M-" + UUID.randomUUID(), "2012-01-01");

        finished(token, postCsv(token, "\uFEFF" + HEADER + "\n" + row + "\n").path("id"))
                .then()
                .body("status", equalTo("SUCCEEDED"));
    }

    /** Imports one youth for a new provider and answers the youth's districtStudentId. */
    private String storedYouth(String birth) {
        String org = db.provider();
        UUID program = db.program(org);
        String token = Tokens.of("provider-staff", org);
        String student = "S-" + UUID.randomUUID();
        finished(token, postCsv(token, HEADER + "\n" + youth(program, student, birth)).path("id"))
                .then()
                .body("status", equalTo("SUCCEEDED"));
        return student;
    }

    private static String keyed(
            UUID program, String first, String last, String district, String student) {
        return csv(
                program,
                first,
                last,
                "2012-01-01",
                "5",
                district,
                student,
                null,
                null,
                null,
                null,
                "2025-09-01");
    }

    private static String keyless(UUID program, String first, String last) {
        return csv(
                program,
                first,
                last,
                "2012-01-01",
                "5",
                null,
                null,
                null,
                null,
                null,
                null,
                "2025-09-01");
    }

    private static String differsFrom(int row) {
        return "differs from row "
                + row
                + ", which has the same districtCode and districtStudentId";
    }
}
