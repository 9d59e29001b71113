package io.steward.outcomes;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Youth records written straight into the tables, in a school year no other test uses, so each test
 * sees only its own cohort. Personal columns hold placeholder bytes: outcomes never read them.
 */
final class OutcomeFixture {

    final EntityManager em;
    final int firstYear = 2100 + ThreadLocalRandom.current().nextInt(7000);
    final String schoolYear = firstYear + "-" + (firstYear + 1);
    final LocalDate yearStart = LocalDate.of(firstYear, 7, 1);

    OutcomeFixture(EntityManager em) {
        this.em = em;
    }

    String provider() {
        String code = "PRV-" + UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew()
                .run(
                        () ->
                                em.createNativeQuery(
                                                "insert into organization (id, code, name, type,"
                                                        + " created_at) values (?1, ?2, 'Test"
                                                        + " provider', 'PROVIDER', ?3)")
                                        .setParameter(1, UUID.randomUUID())
                                        .setParameter(2, code)
                                        .setParameter(3, Instant.now())
                                        .executeUpdate());
        return code;
    }

    UUID program(String providerCode) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew()
                .run(
                        () ->
                                em.createNativeQuery(
                                                "insert into program (id, provider_id, name, site,"
                                                        + " start_date, end_date, created_at)"
                                                        + " select ?1, o.id, 'Club', 'Site', ?2,"
                                                        + " ?3, ?4 from organization o where"
                                                        + " o.code = ?5")
                                        .setParameter(1, id)
                                        .setParameter(2, yearStart)
                                        .setParameter(3, yearStart.plusYears(1).minusDays(1))
                                        .setParameter(4, Instant.now())
                                        .setParameter(5, providerCode)
                                        .executeUpdate());
        return id;
    }

    /**
     * {@code count} youth in a grade and school, enrolled in the program, each attending it on
     * {@code days} distinct dates from the start of the school year.
     */
    void youth(int count, String grade, String school, UUID program, int days) {
        QuarkusTransaction.requiringNew()
                .run(
                        () -> {
                            for (int i = 0; i < count; i++) {
                                UUID youth = participant(grade, school);
                                enroll(youth, program);
                                attend(youth, program, 0, days);
                            }
                        });
    }

    UUID participant(String grade, String school) {
        UUID id = UUID.randomUUID();
        byte[] placeholder = {1, 2, 3};
        em.createNativeQuery(
                        "insert into participant (id, first_name, last_name, date_of_birth,"
                                + " grade_level, school_code, created_at) values (?1, ?2, ?2,"
                                + " ?2, ?3, ?4, ?5)")
                .setParameter(1, id)
                .setParameter(2, placeholder)
                .setParameter(3, grade)
                .setParameter(4, school)
                .setParameter(5, Instant.now())
                .executeUpdate();
        return id;
    }

    void enroll(UUID youth, UUID program) {
        em.createNativeQuery(
                        "insert into enrollment (id, program_id, participant_id, start_date,"
                                + " end_date, status, created_at) values (?1, ?2, ?3, ?4, ?6,"
                                + " 'ACTIVE', ?5)")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, program)
                .setParameter(3, youth)
                .setParameter(4, yearStart.plusDays(1))
                .setParameter(5, Instant.now())
                .setParameter(6, yearStart.plusYears(1).minusDays(1))
                .executeUpdate();
    }

    /** Attendance with minutes on {@code days} dates from day {@code offset} of the year. */
    void attend(UUID youth, UUID program, int offset, int days) {
        for (int d = 0; d < days; d++) {
            em.createNativeQuery(
                            "insert into attendance (program_id, participant_id, date, minutes,"
                                    + " updated_at) values (?1, ?2, ?3, 90, ?4)")
                    .setParameter(1, program)
                    .setParameter(2, youth)
                    .setParameter(3, yearStart.plusDays(offset + d))
                    .setParameter(4, Instant.now())
                    .executeUpdate();
        }
    }
}
