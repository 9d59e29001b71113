package io.steward.imports;

import io.agroal.api.AgroalDataSource;
import io.restassured.response.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Organizations and programs written straight to the database, counts, and job polling. */
@ApplicationScoped
public class ImportFixtures {

    /** Sends the content type exactly as given, without a charset RestAssured would append. */
    private static final io.restassured.config.RestAssuredConfig NO_DEFAULT_CHARSET =
            io.restassured.RestAssured.config()
                    .encoderConfig(
                            io.restassured.config.EncoderConfig.encoderConfig()
                                    .appendDefaultContentCharsetToContentTypeIfUndefined(false));

    public static final String HEADER =
            "programId,firstName,lastName,dateOfBirth,gradeLevel,districtCode,districtStudentId,"
                    + "schoolCode,guardianName,guardianRelationship,guardianEmail,startDate";

    @Inject AgroalDataSource dataSource;

    /** A provider organization with a fresh code. */
    public String provider() {
        String code = "P-" + UUID.randomUUID().toString().substring(0, 8);
        update(
                "insert into organization (id, code, name, type, created_at)"
                        + " values (?, ?, 'Provider', 'PROVIDER', now())",
                UUID.randomUUID(),
                code);
        return code;
    }

    /** A program of the provider with this code. */
    public UUID program(String providerCode) {
        UUID id = UUID.randomUUID();
        update(
                "insert into program (id, provider_id, name, site, start_date, end_date,"
                        + " created_at) select ?, id, 'Robotics', 'Site A', date '2025-01-01',"
                        + " date '2026-12-31', now() from organization where code = ?",
                id,
                providerCode);
        return id;
    }

    public long count(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement query = prepare(c, sql, parameters);
                ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public <T> List<T> list(String sql, Class<T> type, Object... parameters) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement query = prepare(c, sql, parameters);
                ResultSet rs = query.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getObject(1, type));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<Object[]> rows(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement query = prepare(c, sql, parameters);
                ResultSet rs = query.executeQuery()) {
            List<Object[]> out = new ArrayList<>();
            int width = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Object[] row = new Object[width];
                for (int i = 0; i < width; i++) {
                    Object value = rs.getObject(i + 1);
                    row[i] = value instanceof java.sql.Array array ? array.getArray() : value;
                }
                out.add(row);
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows in the youth tables, to show that a failed import stored nothing. */
    public long[] youthCounts() {
        return new long[] {
            count("select count(*) from participant"),
            count("select count(*) from guardian"),
            count("select count(*) from enrollment")
        };
    }

    /** One CSV line: values quoted when they hold a comma, quote or line break. */
    public static String csv(Object... values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            String value = values[i] == null ? "" : values[i].toString();
            if (value.matches("(?s).*[,\"\r\n].*")) {
                value = '"' + value.replace("\"", "\"\"") + '"';
            }
            line.append(i == 0 ? "" : ",").append(value);
        }
        return line.toString();
    }

    /** A valid CSV line for a youth with a student key in a program. */
    public static String youth(UUID program, String student, String birth) {
        return csv(
                program,
                "Ada",
                "Lovelace",
                birth,
                "5",
                "D1",
                student,
                "SCH1",
                "Pat Doe",
                "mother",
                "pat@example.org",
                "2025-09-01");
    }

    /** Posts a file as the given media type, without RestAssured adding a charset. */
    public static Response post(String token, String type, byte[] body, String key) {
        var request =
                io.restassured.RestAssured.given()
                        .config(NO_DEFAULT_CHARSET)
                        .auth()
                        .oauth2(token)
                        .contentType(type)
                        .body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/imports/enrollments");
    }

    public static Response postCsv(String token, String text) {
        return post(
                token, "text/csv", text.getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
    }

    public static io.restassured.specification.RequestSpecification given(String token) {
        return io.restassured.RestAssured.given().auth().oauth2(token);
    }

    /** Polls a job until it has finished; its last answer. */
    public static Response finished(String token, String id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            Response job = given(token).get("/api/v1/imports/" + id);
            String status = job.path("status");
            if ("SUCCEEDED".equals(status) || "FAILED".equals(status)) {
                return job;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("job " + id + " still " + status);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    public void execute(String sql, Object... parameters) {
        update(sql, parameters);
    }

    private void update(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement statement = prepare(c, sql, parameters)) {
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
