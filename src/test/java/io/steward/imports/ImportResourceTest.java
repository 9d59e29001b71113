package io.steward.imports;

import static io.steward.imports.ImportFixtures.HEADER;
import static io.steward.imports.ImportFixtures.csv;
import static io.steward.imports.ImportFixtures.finished;
import static io.steward.imports.ImportFixtures.post;
import static io.steward.imports.ImportFixtures.postCsv;
import static io.steward.imports.ImportFixtures.youth;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.steward.crypto.Envelope;
import io.steward.crypto.FieldContext;
import io.steward.support.Tokens;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ImportResourceTest {

    @Inject ImportFixtures db;
    @Inject Envelope envelope;

    @Test
    void csv_withBomCrlfAndQuotedNames_storesEveryRowSealed() {
        String org = db.provider();
        UUID program = db.program(org);
        String token = Tokens.of("provider-staff", org);
        String decomposed = "Sio\u0062ha\u0301n";
        String body =
                "\uFEFF"
                        + HEADER
                        + "\r\n"
                        + csv(
                                program,
                                decomposed,
                                "O'Brien, Jr.",
                                "2014-03-02",
                                "4",
                                "D1",
                                "S-" + UUID.randomUUID(),
                                "SCH1",
                                "Máire O'Brien, Sr.",
                                "mother",
                                "maire@example.org",
                                "2025-09-01")
                        + "\r\n"
                        + csv(
                                program,
                                "Ana, María",
                                "D'Angelo",
                                "2013-11-30",
                                "K",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                "2025-09-02")
                        + "\r\n";

        String id =
                post(token, "text/csv", body.getBytes(StandardCharsets.UTF_8), null)
                        .then()
                        .statusCode(202)
                        .header("Location", startsWith("http"))
                        .body("status", equalTo("PENDING"))
                        .extract()
                        .path("id");

        finished(token, id)
                .then()
                .body("status", equalTo("SUCCEEDED"))
                .body("totalRows", equalTo(2))
                .body("processedRows", equalTo(2))
                .body("created", equalTo(2))
                .body("matchedExisting", equalTo(0))
                .body("enrolled", equalTo(2))
                .body("errors.size()", equalTo(0));
        List<Object[]> stored =
                db.rows(
                        "select p.id, p.first_name, p.last_name, p.grade_level from participant p"
                                + " join enrollment e on e.participant_id = p.id"
                                + " where e.program_id = ? and e.status = 'ACTIVE'"
                                + " order by e.start_date",
                        program);
        assertEquals(2, stored.size());
        UUID first = (UUID) stored.get(0)[0];
        byte[] sealedName = (byte[]) stored.get(0)[1];
        assertFalse(new String(sealedName, StandardCharsets.ISO_8859_1).contains("O'Brien"));
        assertEquals(
                "Siobhán",
                envelope.decrypt(sealedName, FieldContext.of("participant", "first_name", first)));
        assertEquals(
                "O'Brien, Jr.",
                envelope.decrypt(
                        (byte[]) stored.get(0)[2],
                        FieldContext.of("participant", "last_name", first)));
        UUID second = (UUID) stored.get(1)[0];
        assertEquals(
                "Ana, María",
                envelope.decrypt(
                        (byte[]) stored.get(1)[1],
                        FieldContext.of("participant", "first_name", second)));
        assertEquals("K", stored.get(1)[3]);
        assertEquals(1, db.count("select count(*) from guardian where participant_id = ?", first));
        assertEquals(0, db.count("select count(*) from guardian where participant_id = ?", second));
    }

    @Test
    void csv_success_isAuditedOnceWithEveryYouth() {
        String org = db.provider();
        UUID program = db.program(org);
        String token = Tokens.of("case-manager", org);
        String body =
                HEADER
                        + "\n"
                        + youth(program, "A-" + UUID.randomUUID(), "2012-01-01")
                        + "\n"
                        + youth(program, "B-" + UUID.randomUUID(), "2012-01-02")
                        + "\n";
        String id = postCsv(token, body).then().statusCode(202).extract().path("id");
        finished(token, id).then().body("status", equalTo("SUCCEEDED"));

        Set<UUID> enrolled =
                Set.copyOf(
                        db.list(
                                "select participant_id from enrollment where program_id = ?",
                                UUID.class,
                                program));
        List<Object[]> events =
                db.rows(
                        "select outcome, org, participant_ids from audit_event"
                                + " where action = 'import.enrollments' and resource = ?",
                        "imports/" + id);
        assertEquals(1, events.size());
        assertEquals("SUCCESS", events.get(0)[0]);
        assertEquals(org, events.get(0)[1]);
        assertEquals(enrolled, ids(events.get(0)[2]));
    }

    @Test
    void ndjson_rows_areImported() {
        String org = db.provider();
        UUID program = db.program(org);
        String token = Tokens.of("provider-staff", org);
        String body =
                "{\"programId\":\""
                        + program
                        + "\",\"firstName\":\"Lee\",\"lastName\":\"O'Neil\","
                        + "\"dateOfBirth\":\"2015-05-05\",\"gradeLevel\":\"PK\","
                        + "\"startDate\":\"2025-09-01\",\"guardianEmail\":null}\r\n"
                        + "\n"
                        + "{\"programId\":\""
                        + program
                        + "\",\"firstName\":\"Kim\","
                        + "\"lastName\":\"Park\",\"dateOfBirth\":\"2010-12-31\","
                        + "\"gradeLevel\":\"12\",\"districtCode\":\"D2\","
                        + "\"districtStudentId\":\"N-"
                        + UUID.randomUUID()
                        + "\","
                        + "\"schoolCode\":\"S2\",\"guardianName\":\"Jo Park\","
                        + "\"guardianRelationship\":\"father\",\"startDate\":\"2025-09-01\"}";

        String id =
                post(token, "application/x-ndjson", body.getBytes(StandardCharsets.UTF_8), null)
                        .then()
                        .statusCode(202)
                        .extract()
                        .path("id");

        finished(token, id)
                .then()
                .body("status", equalTo("SUCCEEDED"))
                .body("totalRows", equalTo(2))
                .body("created", equalTo(2));
        assertEquals(2, db.count("select count(*) from enrollment where program_id = ?", program));
    }

    @Test
    void import_existingYouthByNaturalKey_isMatchedNotCreated() {
        String org = db.provider();
        UUID first = db.program(org);
        UUID second = db.program(org);
        String token = Tokens.of("provider-staff", org);
        String student = "M-" + UUID.randomUUID().toString().substring(0, 8);
        String id =
                postCsv(token, HEADER + "\n" + youth(first, student, "2011-07-07") + "\n")
                        .then()
                        .statusCode(202)
                        .extract()
                        .path("id");
        finished(token, id).then().body("created", equalTo(1));
        long participants = db.count("select count(*) from participant");

        String again =
                csv(
                        second,
                        "Ada",
                        "Lovelace",
                        "2011-07-07",
                        "5",
                        " d1 ",
                        " " + student.toLowerCase() + " ",
                        null,
                        null,
                        null,
                        null,
                        "2025-10-01");
        String id2 =
                postCsv(Tokens.of("provider-staff", org), HEADER + "\n" + again + "\n")
                        .then()
                        .statusCode(202)
                        .extract()
                        .path("id");

        finished(token, id2)
                .then()
                .body("status", equalTo("SUCCEEDED"))
                .body("created", equalTo(0))
                .body("matchedExisting", equalTo(1))
                .body("enrolled", equalTo(1));
        assertEquals(participants, db.count("select count(*) from participant"));
        assertEquals(
                db.list(
                        "select participant_id from enrollment where program_id = ?",
                        UUID.class,
                        first),
                db.list(
                        "select participant_id from enrollment where program_id = ?",
                        UUID.class,
                        second));
    }

    @Test
    void import_newAndExistingYouth_enrollmentsShareOneCreationTime() {
        String org = db.provider();
        UUID first = db.program(org);
        UUID second = db.program(org);
        String token = Tokens.of("provider-staff", org);
        String known = "T-" + UUID.randomUUID().toString().substring(0, 8);
        String fresh = "T-" + UUID.randomUUID().toString().substring(0, 8);
        String id =
                postCsv(token, HEADER + "\n" + youth(first, known, "2011-07-07") + "\n")
                        .then()
                        .statusCode(202)
                        .extract()
                        .path("id");
        finished(token, id).then().body("created", equalTo(1));

        String body =
                HEADER
                        + "\n"
                        + youth(second, fresh, "2012-02-02")
                        + "\n"
                        + youth(second, known, "2011-07-07")
                        + "\n";
        String id2 = postCsv(token, body).then().statusCode(202).extract().path("id");

        finished(token, id2)
                .then()
                .body("status", equalTo("SUCCEEDED"))
                .body("created", equalTo(1))
                .body("matchedExisting", equalTo(1));
        assertEquals(
                1,
                db.count(
                        "select count(distinct created_at) from enrollment where program_id = ?",
                        second));
    }

    @Test
    void import_youthAlreadyActiveInProgram_isCountedNotEnrolledTwice() {
        String org = db.provider();
        UUID program = db.program(org);
        String token = Tokens.of("provider-staff", org);
        String line = youth(program, "E-" + UUID.randomUUID(), "2012-02-02");
        finished(token, postCsv(token, HEADER + "\n" + line + "\n").path("id"))
                .then()
                .body("enrolled", equalTo(1));

        finished(token, postCsv(token, HEADER + "\n" + line + "\n").path("id"))
                .then()
                .body("status", equalTo("SUCCEEDED"))
                .body("matchedExisting", equalTo(1))
                .body("enrolled", equalTo(0))
                .body("alreadyEnrolled", equalTo(1));
        assertEquals(1, db.count("select count(*) from enrollment where program_id = ?", program));
    }

    @Test
    void import_sameYouthTwiceInFileInTwoPrograms_createsOneYouth() {
        String org = db.provider();
        UUID first = db.program(org);
        UUID second = db.program(org);
        String token = Tokens.of("provider-staff", org);
        String student = "T-" + UUID.randomUUID();
        String body =
                HEADER
                        + "\n"
                        + youth(first, student, "2013-03-03")
                        + "\n"
                        + youth(second, student.toUpperCase(), "2013-03-03")
                        + "\n";

        finished(token, postCsv(token, body).path("id"))
                .then()
                .body("status", equalTo("SUCCEEDED"))
                .body("created", equalTo(1))
                .body("enrolled", equalTo(2));
        assertEquals(
                1,
                db.count(
                        "select count(distinct participant_id) from enrollment"
                                + " where program_id in (?, ?)",
                        first,
                        second));
    }

    @Test
    void import_sameYouthInALaterBatch_isTheYouthThisJobCreated() {
        String org = db.provider();
        UUID first = db.program(org);
        UUID second = db.program(org);
        String token = Tokens.of("provider-staff", org);
        String student = "L-" + UUID.randomUUID();
        StringBuilder body = new StringBuilder(HEADER).append('\n');
        body.append(youth(first, student, "2013-03-03")).append('\n');
        for (int i = 0; i < 2100; i++) {
            body.append(youth(first, student + "-" + i, "2013-03-03")).append('\n');
        }
        body.append(youth(second, student.toUpperCase(), "2013-03-03")).append('\n');

        finished(token, postCsv(token, body.toString()).path("id"))
                .then()
                .body("status", equalTo("SUCCEEDED"))
                .body("created", equalTo(2101))
                .body("matchedExisting", equalTo(0))
                .body("enrolled", equalTo(2102))
                .body("alreadyEnrolled", equalTo(0));
        assertEquals(
                1,
                db.count(
                        "select count(distinct e.participant_id) from enrollment e"
                                + " join enrollment f on f.participant_id = e.participant_id"
                                + " where e.program_id = ? and f.program_id = ?",
                        first,
                        second));
        assertEquals(2101, db.count("select count(*) from enrollment where program_id = ?", first));
    }

    @Test
    void get_whileOrAfterRunning_showsProgressFields() {
        String org = db.provider();
        UUID program = db.program(org);
        String token = Tokens.of("provider-staff", org);
        StringBuilder body = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 2500; i++) {
            body.append(youth(program, "G-" + UUID.randomUUID(), "2012-04-04")).append('\n');
        }
        String id = postCsv(token, body.toString()).then().statusCode(202).extract().path("id");

        ImportFixtures.given(token)
                .get("/api/v1/imports/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("status", in(List.of("PENDING", "RUNNING", "SUCCEEDED")))
                .body("totalRows", equalTo(2500))
                .body("processedRows", notNullValue())
                .body("created", notNullValue())
                .body("matchedExisting", notNullValue())
                .body("errors", notNullValue());
        finished(token, id)
                .then()
                .body("status", equalTo("SUCCEEDED"))
                .body("processedRows", equalTo(2500))
                .body("created", equalTo(2500));
    }

    private static Set<UUID> ids(Object array) {
        return java.util.Arrays.stream((Object[]) array)
                .map(v -> (UUID) v)
                .collect(Collectors.toSet());
    }
}
