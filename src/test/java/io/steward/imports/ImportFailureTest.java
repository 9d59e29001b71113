package io.steward.imports;

import static io.steward.imports.ImportFixtures.HEADER;
import static io.steward.imports.ImportFixtures.csv;
import static io.steward.imports.ImportFixtures.finished;
import static io.steward.imports.ImportFixtures.post;
import static io.steward.imports.ImportFixtures.postCsv;
import static io.steward.imports.ImportFixtures.youth;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.steward.audit.ChainWriter;
import io.steward.support.Tokens;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ImportFailureTest {

    @Inject ImportFixtures db;
    @Inject ChainWriter chain;
    @Inject io.steward.imports.job.ImportRunner runner;

    @Test
    void import_oneBadRowAnywhere_failsWholeFileAndStoresNothing() {
        String org = db.provider();
        UUID program = db.program(org);
        String token = Tokens.of("provider-staff", org);
        StringBuilder body = new StringBuilder(HEADER).append('\n');
        for (int row = 1; row <= 1500; row++) {
            String grade = row == 1234 ? "13" : "5";
            body.append(
                            csv(
                                    program,
                                    "Ada",
                                    "Lovelace",
                                    "2012-01-01",
                                    grade,
                                    "D1",
                                    "F-" + UUID.randomUUID(),
                                    null,
                                    null,
                                    null,
                                    null,
                                    "2025-09-01"))
                    .append('\n');
        }
        long[] before = db.youthCounts();
        long events = db.count("select count(*) from audit_event");

        String id = postCsv(token, body.toString()).then().statusCode(202).extract().path("id");

        finished(token, id)
                .then()
                .body("status", equalTo("FAILED"))
                .body("errorCount", equalTo(1))
                .body("errors[0].row", equalTo(1234))
                .body("errors[0].column", equalTo("gradeLevel"))
                .body("errors[0].message", equalTo("must be one of PK, K, 1 to 12"))
                .body("created", equalTo(0))
                .body("processedRows", equalTo(1500));
        assertArrayEquals(before, db.youthCounts());
        assertEquals(0, db.count("select count(*) from import_row where job_id = ?", uuid(id)));
        chain.linkPending(); // the job's event is linked to the chain off the request path
        assertEquals(
                1,
                db.count(
                        "select count(*) from audit_event where action = 'import.enrollments'"
                                + " and resource = ? and outcome = 'FAILED' and seq > 0",
                        "imports/" + id));
        assertEquals(events + 1, db.count("select count(*) from audit_event"));
    }

    @Test
    void ndjson_loneSurrogate_isRowErrorNamingTheColumn() {
        String org = db.provider();
        UUID program = db.program(org);
        String token = Tokens.of("provider-staff", org);
        long[] before = db.youthCounts();
        String row =
                "{\"programId\":\""
                        + program
                        + "\",\"firstName\":\"Lee\",\"lastName\":%s,"
                        + "\"dateOfBirth\":\"2015-05-05\",\"gradeLevel\":\"PK\","
                        + "\"guardianName\":%s,\"guardianRelationship\":\"mother\","
                        + "\"startDate\":\"2025-09-01\"}\n";
        String body =
                row.formatted("\"Park\"", "\"Jo Park\"")
                        + row.formatted("\"Lee\\udfff\"", "\"Jo\"")
                        + row.formatted("\"Kim\"", "\"\\ud800\"");

        finished(
                        token,
                        post(
                                        token,
                                        "application/x-ndjson",
                                        body.getBytes(StandardCharsets.UTF_8),
                                        null)
                                .path("id"))
                .then()
                .body("status", equalTo("FAILED"))
                .body("errors.size()", equalTo(2))
                .body("errors[0].row", equalTo(2))
                .body("errors[0].column", equalTo("lastName"))
                .body(
                        "errors[0].message",
                        equalTo("must be valid Unicode text (no lone surrogates)"))
                .body("errors[1].row", equalTo(3))
                .body("errors[1].column", equalTo("guardianName"));
        assertArrayEquals(before, db.youthCounts());
    }

    @Test
    void import_impossibleDate_namesRowAndColumnNotValue() {
        String org = db.provider();
        UUID program = db.program(org);
        String token = Tokens.of("provider-staff", org);
        String body =
                HEADER
                        + "\n"
                        + youth(program, "I-" + UUID.randomUUID(), "2012-01-01")
                        + "\n"
                        + youth(program, "J-" + UUID.randomUUID(), "2021-09-31")
                        + "\n";

        finished(token, postCsv(token, body).path("id"))
                .then()
                .body("status", equalTo("FAILED"))
                .body("errors.size()", equalTo(1))
                .body("errors[0].row", equalTo(2))
                .body("errors[0].column", equalTo("dateOfBirth"))
                .body("errors[0].message", equalTo("must be a real date in the form YYYY-MM-DD"))
                .body(not(containsString("2021-09-31")));
    }

    @Test
    void import_rowNumbers_countDataRowsNotBlankLinesOrQuotedLineBreaks() {
        String org = db.provider();
        UUID program = db.program(org);
        String token = Tokens.of("provider-staff", org);
        String body =
                HEADER
                        + "\n\n"
                        + csv(
                                program,
                                "Multi\nLine",
                                "Name",
                                "2012-01-01",
                                "5",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                "2025-09-01")
                        + "\n\n"
                        + csv(
                                program,
                                "Bad",
                                "Start",
                                "2012-01-01",
                                "5",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                "09/01/2025")
                        + "\n";

        finished(token, postCsv(token, body).path("id"))
                .then()
                .body("status", equalTo("FAILED"))
                .body("totalRows", equalTo(2))
                .body("errors[0].row", equalTo(1))
                .body("errors[0].column", equalTo("firstName"))
                .body("errors[0].message", equalTo("must not contain control characters"))
                .body("errors[1].row", equalTo(2))
                .body("errors[1].column", equalTo("startDate"));
    }

    @Test
    void import_sameKeyAnotherBirthDate_isRowErrorRevealingNothing() {
        String org = db.provider();
        String student = storedYouth(org, "C", "2010-10-10");
        long[] before = db.youthCounts();

        String other = db.provider();
        UUID otherProgram = db.program(other);
        String otherToken = Tokens.of("provider-staff", other);
        String id =
                postCsv(otherToken, HEADER + "\n" + youth(otherProgram, student, "2010-10-11"))
                        .path("id");

        finished(otherToken, id)
                .then()
                .body("status", equalTo("FAILED"))
                .body("errors[0].row", equalTo(1))
                .body("errors[0].column", equalTo("districtStudentId"))
                .body("errors[0].message", equalTo("conflicts with an existing youth record"))
                .body(not(containsString("2010-10-10")))
                .body(not(containsString(org)));
        assertArrayEquals(before, db.youthCounts());
    }

    @Test
    void import_latin1Bytes_failAsAFileErrorNotAnInternalOne() {
        String org = db.provider();
        UUID program = db.program(org);
        String token = Tokens.of("provider-staff", org);
        String text = HEADER + "\n" + youth(program, "L-" + UUID.randomUUID(), "2012-01-01");
        byte[] latin1 = text.replace("Ada", "Jos\u00e9").getBytes(StandardCharsets.ISO_8859_1);
        long[] before = db.youthCounts();

        String id =
                post(token, "text/csv", latin1, null).then().statusCode(202).extract().path("id");

        finished(token, id)
                .then()
                .body("status", equalTo("FAILED"))
                .body("errors.message", hasItem(containsString("UTF-8")))
                .body(not(containsString("internal")));
        assertArrayEquals(before, db.youthCounts());
    }

    @Test
    void import_oneKeyWithManyBirthDates_doesNotSingleOutTheRightOne() {
        String student = storedYouth(db.provider(), "G", "2010-10-10");
        long[] before = db.youthCounts();

        String other = db.provider();
        String otherToken = Tokens.of("provider-staff", other);
        StringBuilder guesses = new StringBuilder(HEADER);
        for (String birth : new String[] {"2010-10-09", "2010-10-10", "2010-10-11"}) {
            guesses.append('\n').append(youth(db.program(other), student, birth));
        }
        String id = postCsv(otherToken, guesses.toString()).path("id");

        // The right birth date (row 2) fails like the wrong one after it: only the first guess
        // is answered.
        finished(otherToken, id)
                .then()
                .body("status", equalTo("FAILED"))
                .body("errors.row", equalTo(java.util.List.of(1, 2, 3)))
                .body("errors[0].message", equalTo("conflicts with an existing youth record"))
                .body("errors[1].message", equalTo(guessedAgain(1)))
                .body("errors[2].message", equalTo(guessedAgain(1)));
        assertArrayEquals(before, db.youthCounts());
    }

    /** Imports one youth for a provider and answers the youth's districtStudentId. */
    private String storedYouth(String org, String prefix, String birth) {
        UUID program = db.program(org);
        String token = Tokens.of("provider-staff", org);
        String student = prefix + "-" + UUID.randomUUID();
        finished(token, postCsv(token, HEADER + "\n" + youth(program, student, birth)).path("id"))
                .then()
                .body("status", equalTo("SUCCEEDED"));
        return student;
    }

    private static String guessedAgain(int row) {
        return "differs from row "
                + row
                + ", which has the same districtCode and districtStudentId";
    }

    @Test
    void import_sameKeyTwiceInFile_withOtherBirthDateOrSameProgram_areRowErrors() {
        String org = db.provider();
        UUID program = db.program(org);
        UUID second = db.program(org);
        String token = Tokens.of("provider-staff", org);
        String student = "R-" + UUID.randomUUID();
        String body =
                HEADER
                        + "\n"
                        + youth(program, student, "2010-01-01")
                        + "\n"
                        + youth(second, student, "2010-01-02")
                        + "\n"
                        + youth(program, student, "2010-01-01")
                        + "\n";

        finished(token, postCsv(token, body).path("id"))
                .then()
                .body("status", equalTo("FAILED"))
                .body("errors.size()", equalTo(2))
                .body("errors[0].row", equalTo(2))
                .body("errors[0].column", equalTo("dateOfBirth"))
                .body("errors[1].row", equalTo(3))
                .body("errors[1].column", equalTo("programId"))
                .body("errors[1].message", containsString("row 1"));
    }

    @Test
    void import_sameKeyInALaterBatch_withOtherBirthDateOrSameProgram_areRowErrors() {
        String org = db.provider();
        UUID program = db.program(org);
        UUID second = db.program(org);
        String token = Tokens.of("provider-staff", org);
        String student = "B-" + UUID.randomUUID();
        StringBuilder body = new StringBuilder(HEADER).append('\n');
        body.append(youth(program, student, "2010-01-01")).append('\n');
        for (int i = 0; i < 2100; i++) {
            body.append(youth(program, student + "-" + i, "2010-01-01")).append('\n');
        }
        body.append(youth(second, student, "2010-01-02")).append('\n');
        body.append(youth(program, student, "2010-01-01")).append('\n');
        long[] before = db.youthCounts();

        finished(token, postCsv(token, body.toString()).path("id"))
                .then()
                .body("status", equalTo("FAILED"))
                .body("errors.size()", equalTo(2))
                .body("errors[0].row", equalTo(2102))
                .body("errors[0].column", equalTo("dateOfBirth"))
                .body("errors[0].message", containsString("row 1,"))
                .body("errors[1].row", equalTo(2103))
                .body("errors[1].column", equalTo("programId"))
                .body("errors[1].message", containsString("row 1:"))
                .body("created", equalTo(0));
        assertArrayEquals(before, db.youthCounts());
    }

    @Test
    void import_anotherOrganizationsProgram_isRowError() {
        String org = db.provider();
        UUID foreign = db.program(db.provider());
        String token = Tokens.of("provider-staff", org);
        long[] before = db.youthCounts();

        finished(
                        token,
                        postCsv(token, HEADER + "\n" + youth(foreign, "O-1", "2012-01-01"))
                                .path("id"))
                .then()
                .body("status", equalTo("FAILED"))
                .body("errors[0].row", equalTo(1))
                .body("errors[0].column", equalTo("programId"))
                .body("errors[0].message", equalTo("is not a known program of your organization"));
        assertArrayEquals(before, db.youthCounts());
    }

    @Test
    void import_asCityAdmin_mayNameAnyProvidersProgram() {
        UUID program = db.program(db.provider());
        String token = Tokens.of("city-admin", "CITY");
        String body = HEADER + "\n" + youth(program, "Y-" + UUID.randomUUID(), "2012-01-01");

        finished(token, postCsv(token, body).path("id"))
                .then()
                .body("status", equalTo("SUCCEEDED"))
                .body("created", equalTo(1));
    }

    @Test
    void post_wrongMediaType_returns415Problem() {
        String token = Tokens.of("provider-staff", db.provider());
        post(token, "application/json", "[]".getBytes(StandardCharsets.UTF_8), null)
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("status", equalTo(415));
        post(token, "text/csv; charset=ISO-8859-1", HEADER.getBytes(StandardCharsets.UTF_8), null)
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void post_emptyFileOrHeaderOnly_returns400() {
        String token = Tokens.of("provider-staff", db.provider());
        post(token, "text/csv", new byte[0], null)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("body"));
        postCsv(token, HEADER + "\r\n\r\n")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("body"));
        post(token, "application/x-ndjson", "\n \n".getBytes(StandardCharsets.UTF_8), null)
                .then()
                .statusCode(400);
    }

    @Test
    void post_headerMissingAColumn_returns400NamingIt() {
        String org = db.provider();
        UUID program = db.program(org);
        String token = Tokens.of("provider-staff", org);
        String header = HEADER.replace(",startDate", "");
        String row = youth(program, "H-1", "2012-01-01");
        postCsv(token, header + "\n" + row.substring(0, row.lastIndexOf(',')) + "\n")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].row", equalTo(0))
                .body("errors[0].column", equalTo("startDate"))
                .body("errors[0].message", equalTo("is missing from the header row"));
    }

    @Test
    void import_unterminatedQuote_failsNamingTheRow() {
        String org = db.provider();
        UUID program = db.program(org);
        String token = Tokens.of("provider-staff", org);
        String body =
                HEADER
                        + "\n"
                        + youth(program, "Q-" + UUID.randomUUID(), "2012-01-01")
                        + "\n"
                        + program
                        + ",\"Open,Quote,2012-01-01,5,,,,,,,2025-09-01\n";

        finished(token, postCsv(token, body).path("id"))
                .then()
                .body("status", equalTo("FAILED"))
                .body("errors[0].row", equalTo(2))
                .body("errors[0].message", equalTo("is not valid CSV: check its quotes"));
    }

    /** RFC 4180: a field that holds a quote is enclosed in quotes and doubles it. */
    @Test
    void import_quoteInsideUnquotedField_isRowErrorNamingTheColumnNotTheValue() {
        String org = db.provider();
        UUID program = db.program(org);
        String token = Tokens.of("provider-staff", org);
        String rule =
                "has a quote inside a field that does not begin with one; enclose the field in"
                        + " quotes and double each quote in it (RFC 4180)";
        String body =
                HEADER
                        + "\n"
                        + program
                        + ",Mi\"d,Lovelace,2012-01-01,5,,,,,,,2025-09-01\n"
                        + csv(
                                program,
                                "Say \"hi\"",
                                "Quoted",
                                "2012-01-01",
                                "5",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                "2025-09-01")
                        + "\n"
                        + program
                        + ",Ada, \"Spaced\",2012-01-01,5,,,,,,,2025-09-01\r\n"
                        + program
                        + ",Ada,Lovelace,2012-01-01,5,,,,Pat Doe,mother,pat@x.org\",2025-09-01\n";
        long[] before = db.youthCounts();

        finished(token, postCsv(token, body).path("id"))
                .then()
                .body("status", equalTo("FAILED"))
                .body("errors.row", equalTo(java.util.List.of(1, 3, 4)))
                .body(
                        "errors.column",
                        equalTo(java.util.List.of("firstName", "lastName", "guardianEmail")))
                .body("errors.message", equalTo(java.util.List.of(rule, rule, rule)))
                .body(not(containsString("Mi\\\"d")))
                .body(not(containsString("Spaced")));
        assertArrayEquals(before, db.youthCounts());
    }

    /**
     * Far into a file, after blank lines and a quoted line break (itself an error: a control
     * character), the right row is named; a quote in a quoted field is not one.
     */
    @Test
    void import_quoteInsideUnquotedFieldOfALateRow_namesThatRow() {
        String org = db.provider();
        UUID program = db.program(org);
        String token = Tokens.of("provider-staff", org);
        StringBuilder body = new StringBuilder(HEADER).append("\n\n");
        body.append(
                        csv(
                                program,
                                "Multi\nLine \"Quoted\"",
                                "Name",
                                "2012-01-01",
                                "5",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                "2025-09-01"))
                .append("\n\n");
        for (int i = 2; i <= 3000; i++) {
            String first = i == 2999 ? "La\"te" : "Ada";
            body.append(program)
                    .append(',')
                    .append(first)
                    .append(",Lovelace,2012-01-01,5,D1,Q-")
                    .append(UUID.randomUUID())
                    .append(",,,,,2025-09-01\n");
        }

        finished(token, postCsv(token, body.toString()).path("id"))
                .then()
                .body("status", equalTo("FAILED"))
                .body("totalRows", equalTo(3000))
                .body("errors.row", equalTo(java.util.List.of(1, 2999)))
                .body("errors[0].message", equalTo("must not contain control characters"))
                .body("errors[1].column", equalTo("firstName"))
                .body("errors[1].message", containsString("(RFC 4180)"));
    }

    @Test
    void import_ndjsonBadLines_areRowErrors() {
        String org = db.provider();
        UUID program = db.program(org);
        String token = Tokens.of("provider-staff", org);
        String good =
                "{\"programId\":\""
                        + program
                        + "\",\"firstName\":\"A\",\"lastName\":\"B\","
                        + "\"dateOfBirth\":\"2012-01-01\",\"gradeLevel\":\"5\","
                        + "\"startDate\":\"2025-09-01\"";
        String body =
                good
                        + "}\n"
                        + "not json\n"
                        + good
                        + ",\"schoolCode\":5}\n"
                        + good
                        + ",\"nickname\":\"x\"}\n";

        finished(
                        token,
                        post(
                                        token,
                                        "application/x-ndjson",
                                        body.getBytes(StandardCharsets.UTF_8),
                                        null)
                                .path("id"))
                .then()
                .body("status", equalTo("FAILED"))
                .body("errorCount", equalTo(3))
                .body("errors[0].row", equalTo(2))
                .body("errors[1].row", equalTo(3))
                .body("errors[1].column", equalTo("schoolCode"))
                .body("errors[1].message", equalTo("must be a string or null"))
                .body("errors[2].row", equalTo(4))
                .body("errors[2].column", equalTo("nickname"));
    }

    @Test
    void import_ndjsonRepeatedProperty_isRowErrorNamingTheColumn() {
        String org = db.provider();
        UUID program = db.program(org);
        String token = Tokens.of("provider-staff", org);
        String good =
                "{\"programId\":\""
                        + program
                        + "\",\"firstName\":\"Ngozi\",\"lastName\":\"B\","
                        + "\"dateOfBirth\":\"2012-01-01\",\"gradeLevel\":\"5\","
                        + "\"startDate\":\"2025-09-01\"";
        String body =
                good
                        + "}\n"
                        + good
                        + ",\"firstName\":\"Chiamaka\"}\n"
                        + good
                        + ",\"nickname\":\"x\",\"nickname\":\"y\"}\n"
                        + good
                        + ",\"schoolCode\":{\"a\":1,\"a\":2}}\n"
                        + "not json\n"
                        + "[1]\n"
                        + "[{\"a\":1,\"a\":2}]\n";
        long[] before = db.youthCounts();

        finished(
                        token,
                        post(
                                        token,
                                        "application/x-ndjson",
                                        body.getBytes(StandardCharsets.UTF_8),
                                        null)
                                .path("id"))
                .then()
                .body("status", equalTo("FAILED"))
                .body("errorCount", equalTo(6))
                .body("errors.row", equalTo(java.util.List.of(2, 3, 4, 5, 6, 7)))
                .body("errors[0].column", equalTo("firstName"))
                .body("errors[0].message", equalTo("must be given only once"))
                .body("errors[1].column", equalTo("nickname"))
                .body("errors[1].message", equalTo("is not a known column"))
                .body("errors[2].column", equalTo("schoolCode"))
                .body("errors[2].message", equalTo("must be a string or null"))
                .body("errors[3].column", nullValue())
                .body("errors[3].message", equalTo("is not well-formed JSON"))
                .body("errors[4].column", nullValue())
                .body("errors[4].message", equalTo("is not a JSON object"))
                .body("errors[5].column", nullValue())
                .body("errors[5].message", equalTo("is not a JSON object"))
                .body(not(containsString("Chiamaka")))
                .body(not(containsString("Ngozi")));
        assertArrayEquals(before, db.youthCounts());
    }

    @Test
    void abandon_jobLeftRunningByARestart_failsAndIsAudited() {
        String org = db.provider();
        UUID id = UUID.randomUUID();
        db.execute(
                "insert into import_job (id, kind, status, org_code, subject, roles, city_wide,"
                        + " media_type, total_rows, processed_rows, created_at) values (?,"
                        + " 'enrollments', 'RUNNING', ?, 'script', 'provider-staff', false,"
                        + " 'text/csv', 10, 4, now())",
                id,
                org);

        runner.abandon(id);

        ImportFixtures.given(Tokens.of("provider-staff", org))
                .get("/api/v1/imports/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("FAILED"))
                .body("processedRows", equalTo(4))
                .body("errors[0].row", nullValue())
                .body("errors[0].message", containsString("Submit the file again"));
        assertEquals(
                1,
                db.count(
                        "select count(*) from audit_event where action = 'import.enrollments'"
                                + " and resource = ? and outcome = 'FAILED' and actor = 'script'",
                        "imports/" + id));
    }

    private static UUID uuid(String id) {
        return UUID.fromString(id);
    }
}
