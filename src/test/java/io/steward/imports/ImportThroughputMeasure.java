package io.steward.imports;

import static io.steward.imports.ImportFixtures.HEADER;
import static io.steward.imports.ImportFixtures.csv;
import static io.steward.imports.ImportFixtures.finished;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.steward.support.Tokens;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
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
            Path file = write(rows, db.program(org));
            double copy = rows / copySeconds(file);
            double api = rows / importSeconds(file, Tokens.of("provider-staff", org), rows);
            System.out.printf(
                    "MEASURE rows=%d copy=%.0f rows/s import=%.0f rows/s ratio=%.1f%%%n",
                    rows, copy, api, 100 * api / copy);
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

    private double copySeconds(Path file) throws Exception {
        try (Connection c = dataSource.getConnection()) {
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
            double seconds = (System.nanoTime() - start) / 1e9;
            c.createStatement().execute("drop table measure_copy");
            return seconds;
        }
    }

    private static double importSeconds(Path file, String token, int rows) throws IOException {
        byte[] body = Files.readAllBytes(file);
        long start = System.nanoTime();
        String id = ImportFixtures.post(token, "text/csv", body, null).path("id");
        String status = finished(token, id).path("status");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals("SUCCEEDED", status);
        return seconds;
    }
}
