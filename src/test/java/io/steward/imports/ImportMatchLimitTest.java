package io.steward.imports;

import static io.steward.imports.ImportFixtures.HEADER;
import static io.steward.imports.ImportFixtures.finished;
import static io.steward.imports.ImportFixtures.postCsv;
import static io.steward.imports.ImportFixtures.youth;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.steward.support.Tokens;
import io.steward.support.YouthFixtures;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Bulk imports share the match limit of {@code POST /participants} (the test profile keeps the
 * defaults: 5 refusals per key, 20 per caller, within 24 hours). A row whose key names a stored
 * youth with another birth date is a refusal of that key and of the caller, counted although the
 * failed import stores nothing; a row whose key or caller is over its limit is an error.
 */
@QuarkusTest
class ImportMatchLimitTest {

    static final int PER_KEY = 5;
    static final int PER_CALLER = 20;
    static final String STORED_BIRTH = "2010-10-10";
    static final String CONFLICT = "conflicts with an existing youth record";
    static final String LIMITED =
            "has had too many refused matches (a stored youth's key with another birth date),"
                    + " for this key or by you; retry later";

    @Inject ImportFixtures db;

    /** A file that guesses one wrong birth date per import: the sixth import is refused. */
    @Test
    void import_oneGuessPerFile_isRefusedOnceTheKeyHasHadFive() {
        String student = stored(1).get(0);
        for (int i = 0; i < PER_KEY; i++) {
            Caller guesser = new Caller();
            guesser.imports(youth(guesser.program(), student, "2001-01-0" + (i + 1)))
                    .body("status", equalTo("FAILED"))
                    .body("errors[0].message", equalTo(CONFLICT));
        }
        long[] before = db.youthCounts();
        Caller late = new Caller();

        late.imports(youth(late.program(), student, STORED_BIRTH))
                .body("status", equalTo("FAILED"))
                .body("errors.size()", equalTo(1))
                .body("errors[0].row", equalTo(1))
                .body("errors[0].column", equalTo("districtStudentId"))
                .body("errors[0].message", equalTo(LIMITED))
                .body(not(containsString(STORED_BIRTH)));
        assertArrayEquals(before, db.youthCounts());
        assertEquals(0, late.refusals(), "a refused row is not itself a refusal");
    }

    /** The import's refusal counts toward the key's limit on POST /participants too. */
    @Test
    void import_conflict_countsTowardTheKeysLimitOnPost() {
        String student = stored(1).get(0);
        Caller importer = new Caller();
        importer.imports(youth(importer.program(), student, "2001-02-01"))
                .body("errors[0].message", equalTo(CONFLICT));
        assertEquals(1, importer.refusals());
        for (int i = 0; i < PER_KEY - 1; i++) {
            assertEquals(409, new Caller().post(student, "2001-02-0" + (i + 2)).statusCode());
        }

        Response right = new Caller().post(student, STORED_BIRTH);

        assertEquals(429, right.statusCode(), "four posts and one import make five refusals");
    }

    /**
     * Rows are read as if posted one after another: the caller's 20th refusal is the last answered;
     * every keyed row after it is refused alike, for a key that exists and one that does not, and
     * the next file is refused from its first keyed row.
     */
    @Test
    void import_callerReachingItsLimitInAFile_laterKeyedRowsAreRefusedAlike() {
        List<String> students = stored(PER_CALLER + 2);
        Caller caller = new Caller();
        UUID program = caller.program();
        StringBuilder file = new StringBuilder();
        for (String student : students.subList(0, PER_CALLER + 1)) {
            file.append(youth(program, student, "2001-03-01")).append('\n');
        }
        file.append(youth(program, "U-" + UUID.randomUUID(), "2001-03-01")).append('\n');

        List<String> expected = new ArrayList<>(Collections.nCopies(PER_CALLER, CONFLICT));
        expected.addAll(List.of(LIMITED, LIMITED));
        caller.imports(file.toString())
                .body("status", equalTo("FAILED"))
                .body("errors.message", equalTo(expected))
                .body("errors[21].column", equalTo("districtStudentId"));
        assertEquals(PER_CALLER, caller.refusals());

        String existing = students.get(PER_CALLER + 1);
        String unknown = "U-" + UUID.randomUUID();
        long[] before = db.youthCounts();
        caller.imports(
                        youth(program, existing, STORED_BIRTH)
                                + "\n"
                                + youth(program, unknown, STORED_BIRTH)
                                + "\n"
                                + ImportFixtures.csv(
                                        program,
                                        "No",
                                        "Key",
                                        "2012-01-01",
                                        "5",
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        "2025-09-01"))
                .body("status", equalTo("FAILED"))
                .body("errors.row", equalTo(List.of(1, 2)))
                .body("errors.message", equalTo(List.of(LIMITED, LIMITED)));
        assertEquals(PER_CALLER, caller.refusals());
        assertArrayEquals(before, db.youthCounts());
    }

    /** Youth stored by one import, each with its own key and {@link #STORED_BIRTH}. */
    private List<String> stored(int count) {
        Caller owner = new Caller();
        UUID program = owner.program();
        List<String> students = new ArrayList<>();
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String student = "M-" + UUID.randomUUID();
            students.add(student);
            file.append(youth(program, student, STORED_BIRTH)).append('\n');
        }
        owner.imports(file.toString()).body("status", equalTo("SUCCEEDED"));
        return students;
    }

    /** A provider's staff member with a subject of its own. */
    private final class Caller {
        final String subject = "user-" + UUID.randomUUID();
        final String org = db.provider();
        final String token = Tokens.of(subject, List.of("provider-staff"), org);

        UUID program() {
            return db.program(org);
        }

        io.restassured.response.ValidatableResponse imports(String rows) {
            String id =
                    postCsv(token, HEADER + "\n" + rows)
                            .then()
                            .statusCode(202)
                            .extract()
                            .path("id");
            return finished(token, id).then();
        }

        Response post(String student, String birth) {
            Map<String, Object> body = YouthFixtures.body();
            body.put("dateOfBirth", birth);
            body.put("districtCode", "D1");
            body.put("districtStudentId", student);
            return io.restassured.RestAssured.given()
                    .auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post("/api/v1/participants");
        }

        long refusals() {
            return db.count(
                    "select count(*) from participant_match_denial where caller = ?", subject);
        }
    }
}
