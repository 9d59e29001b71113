package io.steward.imports;

import static io.steward.imports.ImportFixtures.HEADER;
import static io.steward.imports.ImportFixtures.csv;
import static io.steward.imports.ImportFixtures.finished;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.steward.support.Tokens;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * A local measurement, not part of the suite (its name does not end in Test): run it with {@code
 * STEWARD_TEST_DB=... scripts/test -Dtest=ImportThroughputMeasure -Dimport.rows=20000,100000}. For
 * each size it copies the plaintext file into an unindexed text table with COPY, then imports the
 * same file through the API (from the POST to the job's end), and prints rows per second.
 */
@QuarkusTest
class ImportThroughputMeasure {

    @Inject ImportFixtures db;
    @Inject AgroalDataSource dataSource;

    @Test
    void measure() throws Exception {
        for (String size : System.getProperty("import.rows", "20000,100000").split(",")) {
            int rows = Integer.parseInt(size.trim());
            String org = db.provider();
            UUID program = db.program(org);
            Path file = write(rows, program);
            double copy = rows / copySeconds(file, null);
            double api = rows / importSeconds(file, Tokens.of("provider-staff", org), rows);
            double tables = rows / copySeconds(file, program);
            System.out.printf(
                    "MEASURE rows=%d copy=%.0f rows/s import=%.0f rows/s ratio=%.1f%%"
                            + " (plaintext COPY+SQL into the youth tables: %.0f rows/s)%n",
                    rows, copy, api, 100 * api / copy, tables);
            Files.delete(file);
        }
    }

    private static Path write(int rows, UUID program) throws IOException {
        Path file = Files.createTempFile("measure-", ".csv");
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER + "\r\n");
            String run = UUID.randomUUID().toString().substring(0, 8);
            for (int i = 0; i < rows; i++) {
                out.write(
                        csv(
                                        program,
                                        "Given" + i,
                                        "O'Family, " + i,
                                        "2012-0" + (1 + i % 9) + "-1" + (i % 9),
                                        String.valueOf(1 + i % 12),
                                        "D" + (i % 3),
                                        run + "-" + i,
                                        "SCH" + (i % 40),
                                        "Guardian " + i,
                                        "parent",
                                        "g" + i + "@example.org",
                                        "2025-09-01")
                                + "\r\n");
            }
        }
        return file;
    }

    /**
     * Seconds to COPY the plaintext file into an unindexed text table; with a program, also to
     * insert the same plaintext rows into participant, guardian and enrollment (rolled back).
     */
    private double copySeconds(Path file, UUID program) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(program == null);
            c.createStatement()
                    .execute(
                            "create temp table measure_copy (program_id text, first_name text,"
                                    + " last_name text, date_of_birth text, grade_level text,"
                                    + " district_code text, district_student_id text,"
                                    + " school_code text, guardian_name text,"
                                    + " guardian_relationship text, guardian_email text,"
                                    + " start_date text)");
            long start = System.nanoTime();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                c.unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn("copy measure_copy from stdin (format csv, header true)", in);
            }
            if (program != null) {
                intoYouthTables(c, program);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (program != null) {
                c.rollback();
                c.setAutoCommit(true);
            }
            c.createStatement().execute("drop table if exists measure_copy");
            return seconds;
        }
    }

    private static void intoYouthTables(Connection c, UUID program) throws Exception {
        var sql = c.createStatement();
        sql.execute(
                "create temp table measure_ids as select gen_random_uuid() as pid,"
                        + " gen_random_uuid() as gid, m.* from measure_copy m");
        sql.execute(
                "insert into participant (id, first_name, last_name, date_of_birth,"
                        + " grade_level, district_code, district_student_id, school_code,"
                        + " student_key, created_at) select pid, convert_to(first_name, 'UTF8'),"
                        + " convert_to(last_name, 'UTF8'), convert_to(date_of_birth, 'UTF8'),"
                        + " grade_level, district_code, convert_to(district_student_id, 'UTF8'),"
                        + " school_code, convert_to(district_code || ':' || district_student_id,"
                        + " 'UTF8'), now() from measure_ids");
        sql.execute(
                "insert into guardian (id, participant_id, position, name, relationship, email)"
                        + " select gid, pid, 0, convert_to(guardian_name, 'UTF8'),"
                        + " guardian_relationship, convert_to(guardian_email, 'UTF8')"
                        + " from measure_ids");
        sql.execute(
                "insert into enrollment (id, program_id, participant_id, start_date, status,"
                        + " created_at) select gen_random_uuid(), '"
                        + program
                        + "', pid, start_date::date, 'ACTIVE', now() from measure_ids");
    }

    private static double importSeconds(Path file, String token, int rows) throws Exception {
        HttpRequest post =
                HttpRequest.newBuilder(
                                URI.create(
                                        "http://localhost:"
                                                + RestAssured.port
                                                + "/api/v1/imports/enrollments"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofFile(file))
                        .build();
        long start = System.nanoTime();
        HttpResponse<String> answer =
                HttpClient.newHttpClient().send(post, HttpResponse.BodyHandlers.ofString());
        assertEquals(202, answer.statusCode());
        String id = JsonPath.from(answer.body()).getString("id");
        System.out.printf(
                "MEASURE accepted after %d ms%n", (System.nanoTime() - start) / 1_000_000);
        String status = finished(token, id).path("status");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals("SUCCEEDED", status);
        return seconds;
    }
}
