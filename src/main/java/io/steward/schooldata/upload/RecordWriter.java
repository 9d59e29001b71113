package io.steward.schooldata.upload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.steward.crypto.BlindIndex;
import io.steward.crypto.Envelope;
import io.steward.crypto.FieldContext;
import io.steward.schooldata.AcademicRow;
import io.steward.schooldata.DataCategory;
import io.steward.schooldata.StudentMatcher;
import io.steward.schooldata.UploadBatch.SchoolCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Writes an agreement's academic records. Each record's fields are encrypted as JSON under the
 * agreement's data key before the write; a record with the same participant, category, year and
 * course or subject as a stored one replaces it.
 */
@ApplicationScoped
public class RecordWriter {

    private static final int BATCH = 1000;

    @Inject EntityManager em;
    @Inject Envelope envelope;
    @Inject BlindIndex index;
    @Inject ObjectMapper mapper;

    /** A row ready to write: everything is computed before the connection is borrowed. */
    private record Prepared(
            UUID id, UUID participantId, AcademicRow row, byte[] recordKey, byte[] payload) {}

    /** Writes the rows matched to participants; returns how many stored rows were replaced. */
    public int write(
            UUID agreementId, String scope, List<AcademicRow> rows, Map<String, UUID> who) {
        List<Prepared> prepared = new ArrayList<>();
        for (AcademicRow row : rows) {
            UUID participant = who.get(StudentMatcher.normalize(row.districtStudentId()));
            UUID id = UUID.randomUUID();
            byte[] key =
                    index.of(
                            "academic-record",
                            participant.toString(),
                            row.category().name(),
                            row.schoolYear(),
                            row.discriminator());
            byte[] payload =
                    envelope.encrypt(
                            scope, json(row), FieldContext.of("academic_record", "payload", id));
            prepared.add(new Prepared(id, participant, row, key, payload));
        }
        int[] replaced = {0};
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
        em.unwrap(Session.class)
                .doWork(connection -> replaced[0] = insert(connection, agreementId, prepared, now));
        return replaced[0];
    }

    /** Stores calendars of the agreement's schools, replacing those of the same school and year. */
    public void writeCalendars(UUID agreementId, List<SchoolCalendar> calendars) {
        for (SchoolCalendar calendar : calendars) {
            em.createNativeQuery(
                            "insert into agreement_calendar (agreement_id, school_id, school_year,"
                                    + " instructional_days) values (?1, ?2, ?3, ?4) on conflict"
                                    + " (agreement_id, school_id, school_year) do update set"
                                    + " instructional_days = excluded.instructional_days")
                    .setParameter(1, agreementId)
                    .setParameter(2, calendar.schoolId())
                    .setParameter(3, calendar.schoolYear())
                    .setParameter(4, calendar.instructionalDays())
                    .executeUpdate();
        }
    }

    /** Instructional days by school and year, as stored for the agreement. */
    public Map<String, Integer> calendars(UUID agreementId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(
                                "select school_id, school_year, instructional_days"
                                        + " from agreement_calendar where agreement_id = ?1")
                        .setParameter(1, agreementId)
                        .getResultList();
        Map<String, Integer> days = new HashMap<>();
        for (Object[] r : rows) {
            days.put(r[0] + "/" + r[1], ((Number) r[2]).intValue());
        }
        return days;
    }

    private static int insert(
            Connection connection, UUID agreementId, List<Prepared> rows, OffsetDateTime now)
            throws SQLException {
        int replaced = 0;
        try (PreparedStatement delete =
                        connection.prepareStatement(
                                "delete from academic_record where agreement_id = ?"
                                        + " and record_key = ?");
                PreparedStatement insert =
                        connection.prepareStatement(
                                "insert into academic_record (id, agreement_id, participant_id,"
                                        + " category, school_year, record_key, days_enrolled,"
                                        + " days_absent, proficient, payload, created_at)"
                                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < rows.size(); i++) {
                Prepared p = rows.get(i);
                delete.setObject(1, agreementId);
                delete.setBytes(2, p.recordKey());
                delete.addBatch();
                bind(insert, agreementId, p, now);
                insert.addBatch();
                if ((i + 1) % BATCH == 0 || i == rows.size() - 1) {
                    for (int count : delete.executeBatch()) {
                        replaced += Math.max(count, 0);
                    }
                    insert.executeBatch();
                }
            }
        }
        return replaced;
    }

    private static void bind(
            PreparedStatement insert, UUID agreementId, Prepared p, OffsetDateTime now)
            throws SQLException {
        var fields = p.row().fields();
        boolean attendance = p.row().category() == DataCategory.SCHOOL_ATTENDANCE;
        boolean assessment = p.row().category() == DataCategory.ASSESSMENTS;
        insert.setObject(1, p.id());
        insert.setObject(2, agreementId);
        insert.setObject(3, p.participantId());
        insert.setString(4, p.row().category().name());
        insert.setString(5, p.row().schoolYear());
        insert.setBytes(6, p.recordKey());
        setDecimal(insert, 7, attendance ? fields.daysEnrolled() : null);
        setDecimal(insert, 8, attendance ? fields.daysAbsent() : null);
        if (assessment) {
            insert.setBoolean(9, fields.proficient());
        } else {
            insert.setNull(9, Types.BOOLEAN);
        }
        insert.setBytes(10, p.payload());
        insert.setObject(11, now);
    }

    private static void setDecimal(PreparedStatement statement, int index, BigDecimal value)
            throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NUMERIC);
        } else {
            statement.setBigDecimal(index, value);
        }
    }

    private String json(AcademicRow row) {
        try {
            return mapper.writeValueAsString(row.fields());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("STW-SCHOOLDATA-0001 cannot write a record payload");
        }
    }
}
