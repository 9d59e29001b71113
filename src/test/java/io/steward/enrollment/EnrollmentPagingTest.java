package io.steward.enrollment;

import static io.restassured.RestAssured.given;
import static io.steward.support.YouthFixtures.admin;
import static io.steward.support.YouthFixtures.provider;
import static io.steward.support.YouthFixtures.staff;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.steward.support.AuditRows;
import io.steward.support.YouthFixtures;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Page walks see every enrollment exactly once, even when a bulk write shares one timestamp. */
@QuarkusTest
class EnrollmentPagingTest {

    static final int ROWS = 1_234;

    @Inject AgroalDataSource db;

    @Test
    void list_thousandsSharingOneTimestamp_walksEveryRowOnce() throws Exception {
        String org = provider();
        String program = YouthFixtures.program(org);
        Set<String> expected = insertSameInstant(UUID.fromString(program), ROWS);
        long head = AuditRows.head(db);

        List<String> walked = walk(staff(org), program, 500);

        assertEquals(ROWS, walked.size());
        assertEquals(expected, new HashSet<>(walked));
        List<AuditRows.Row> reads = AuditRows.since(db, head, "enrollment.list");
        assertEquals(3, reads.size());
        assertEquals(500, reads.get(0).participantIds().size());
        assertEquals(walked, walk(admin(), program, 500));
    }

    @Test
    void list_smallPages_walkEveryRowOnceInCreationOrder() {
        String org = provider();
        String program = YouthFixtures.program(org);
        List<String> made = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String youth = YouthFixtures.create(staff(org), YouthFixtures.body());
            made.add(YouthFixtures.enroll(org, program, youth));
        }
        assertEquals(made, walk(staff(org), program, 2));
    }

    @ParameterizedTest
    @CsvSource({"limit, -1", "limit, 1.5", "cursor, %%%", "cursor, YzEfeB95"})
    void list_badPaging_returns400(String parameter, String value) {
        String org = provider();
        String program = YouthFixtures.program(org);
        given().auth()
                .oauth2(staff(org))
                .queryParam(parameter, value)
                .get("/api/v1/programs/" + program + "/enrollments")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo(parameter));
    }

    static List<String> walk(String token, String program, int limit) {
        List<String> ids = new java.util.ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().auth().oauth2(token).queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page =
                    request.get("/api/v1/programs/" + program + "/enrollments")
                            .then()
                            .statusCode(200)
                            .extract();
            List<String> items = page.path("items.id");
            for (String id : items) {
                assertTrue(!ids.contains(id), "served twice: " + id);
                ids.add(id);
            }
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 10_000);
        return ids;
    }

    /** Writes youth and their enrollments in one statement each, all with one created_at. */
    private Set<String> insertSameInstant(UUID program, int rows) throws Exception {
        Set<String> ids = new HashSet<>();
        try (Connection c = db.getConnection()) {
            c.createStatement()
                    .execute(
                            "create temporary table bulk_ids as select gen_random_uuid() as pid,"
                                    + " gen_random_uuid() as eid from generate_series(1, "
                                    + rows
                                    + ")");
            c.createStatement()
                    .execute(
                            "insert into participant (id, first_name, last_name, date_of_birth,"
                                    + " grade_level, created_at) select pid, '\\x00', '\\x00',"
                                    + " '\\x00', '5', now() from bulk_ids");
            try (PreparedStatement st =
                    c.prepareStatement(
                            "insert into enrollment (id, program_id, participant_id, start_date,"
                                    + " status, created_at) select eid, ?, pid, date '2025-09-01',"
                                    + " 'ACTIVE', timestamptz '2025-09-01 12:00:00Z' from bulk_ids"
                                    + " returning id")) {
                st.setObject(1, program);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            c.createStatement().execute("drop table bulk_ids");
        }
        return ids;
    }
}
