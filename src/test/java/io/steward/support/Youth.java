package io.steward.support;

import static io.restassured.RestAssured.given;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.steward.crypto.BlindIndex;
import io.steward.crypto.Envelope;
import io.steward.crypto.FieldContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Test data for features that build on youth records: organizations through the API, and programs,
 * participants, enrollments and guardian links as rows (their own API is another feature's).
 * Personal columns hold envelope output, as the real service writes them.
 */
@ApplicationScoped
public class Youth {

    @Inject EntityManager em;
    @Inject Envelope envelope;
    @Inject BlindIndex index;

    public static String admin() {
        return Tokens.of("city-admin", "CITY");
    }

    /** A new organization of this type; returns its code. */
    public static String org(String type) {
        String code = type.substring(0, 3) + "-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Test " + type, "type", type))
                .post("/api/v1/organizations")
                .then()
                .statusCode(201);
        return code;
    }

    public static String studentId() {
        return "S" + UUID.randomUUID().toString().substring(0, 10);
    }

    /** A participant registered with a district student id (both may be null). */
    public UUID participant(String districtCode, String districtStudentId) {
        return participant(districtCode, districtStudentId, "7", "SCH-1", "2012-05-01");
    }

    /** A participant with its grade level, school code and birth date (ISO) given. */
    public UUID participant(
            String districtCode,
            String districtStudentId,
            String gradeLevel,
            String schoolCode,
            String dateOfBirth) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew()
                .run(
                        () ->
                                em.createNativeQuery(
                                                "insert into participant (id, first_name,"
                                                        + " last_name, date_of_birth, grade_level,"
                                                        + " district_code, district_student_id,"
                                                        + " school_code, student_key, created_at)"
                                                        + " values (?1, ?2, ?3, ?4, ?8, ?5, ?6,"
                                                        + " ?9, ?7, now())")
                                        .setParameter(1, id)
                                        .setParameter(2, seal(id, "first_name", "Test"))
                                        .setParameter(3, seal(id, "last_name", "Youth"))
                                        .setParameter(4, seal(id, "date_of_birth", dateOfBirth))
                                        .setParameter(5, districtCode)
                                        .setParameter(
                                                6,
                                                seal(id, "district_student_id", districtStudentId))
                                        .setParameter(
                                                7, studentKey(districtCode, districtStudentId))
                                        .setParameter(8, gradeLevel)
                                        .setParameter(9, schoolCode)
                                        .executeUpdate());
        return id;
    }

    public byte[] studentKey(String districtCode, String districtStudentId) {
        if (districtCode == null) {
            return null;
        }
        return index.of(
                "student",
                districtCode.trim().toLowerCase(),
                districtStudentId.trim().toLowerCase());
    }

    /** A program of the provider, and the participant enrolled in it. */
    public UUID enroll(String providerCode, UUID participantId) {
        UUID program = UUID.randomUUID();
        QuarkusTransaction.requiringNew()
                .run(
                        () -> {
                            em.createNativeQuery(
                                            "insert into program (id, provider_id, name, site,"
                                                + " start_date, end_date, created_at) select ?1,"
                                                + " id, 'Program', 'Site', ?2, ?3, now() from"
                                                + " organization where lower(code) = lower(?4)")
                                    .setParameter(1, program)
                                    .setParameter(2, LocalDate.now().minusMonths(1))
                                    .setParameter(3, LocalDate.now().plusMonths(6))
                                    .setParameter(4, providerCode)
                                    .executeUpdate();
                            em.createNativeQuery(
                                            "insert into enrollment (id, program_id,"
                                                + " participant_id, start_date, status, created_at)"
                                                + " values (?1, ?2, ?3, ?4, 'ACTIVE', now())")
                                    .setParameter(1, UUID.randomUUID())
                                    .setParameter(2, program)
                                    .setParameter(3, participantId)
                                    .setParameter(4, LocalDate.now().minusMonths(1))
                                    .executeUpdate();
                        });
        return program;
    }

    public void linkGuardian(UUID participantId, String subject) {
        QuarkusTransaction.requiringNew()
                .run(
                        () ->
                                em.createNativeQuery(
                                                "insert into guardian_link (participant_id,"
                                                        + " subject, created_at, created_by) values"
                                                        + " (?1, ?2, ?3, 'test')")
                                        .setParameter(1, participantId)
                                        .setParameter(2, subject)
                                        .setParameter(3, OffsetDateTime.now(ZoneOffset.UTC))
                                        .executeUpdate());
    }

    /** Runs a native query in a transaction of its own and returns its rows. */
    @SuppressWarnings("unchecked")
    public List<Object> query(String sql, Object... params) {
        return QuarkusTransaction.requiringNew()
                .call(
                        () -> {
                            var query = em.createNativeQuery(sql);
                            for (int i = 0; i < params.length; i++) {
                                query.setParameter(i + 1, params[i]);
                            }
                            return (List<Object>) query.getResultList();
                        });
    }

    public long count(String sql, Object... params) {
        return ((Number) query(sql, params).get(0)).longValue();
    }

    public int update(String sql, Object... params) {
        return QuarkusTransaction.requiringNew()
                .call(
                        () -> {
                            var query = em.createNativeQuery(sql);
                            for (int i = 0; i < params.length; i++) {
                                query.setParameter(i + 1, params[i]);
                            }
                            return query.executeUpdate();
                        });
    }

    /** How many audit events with this action and resource exist. */
    public long audits(String action, String resource, String outcome) {
        return count(
                "select count(*) from audit_event where action = ?1 and resource = ?2"
                        + " and outcome = ?3",
                action,
                resource,
                outcome);
    }

    private byte[] seal(UUID id, String column, String value) {
        return value == null
                ? null
                : envelope.encrypt(
                        "participant", value, FieldContext.of("participant", column, id));
    }
}
