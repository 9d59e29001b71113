package io.steward.outcomes.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.steward.common.Rows;
import io.steward.common.StrictJson;
import io.steward.crypto.Envelope;
import io.steward.crypto.FieldContext;
import io.steward.schooldata.DataCategory;
import io.steward.schooldata.RecordFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads, per youth, all the school data an agreement holds in the given categories (every school
 * year together, so that one youth's row cannot be cut into differently generalized slices):
 * attendance and assessment measures summed in SQL from their plaintext copies, grades opened from
 * the encrypted payloads only when the agreement covers grades, and the youth's grade level, school
 * code and sealed birth date.
 */
@ApplicationScoped
public class ExtractRecords {

    /** One youth's school data under the agreement, before de-identification. */
    public record Youth(
            UUID participantId,
            String gradeLevel,
            String schoolCode,
            byte[] sealedBirthDate,
            BigDecimal daysEnrolled,
            BigDecimal daysAbsent,
            int assessments,
            int proficient,
            Set<DataCategory> categories,
            int records) {}

    /** One course mark, opened from its payload. */
    public record Mark(String course, String mark) {}

    private static final String FILTER =
            " r.agreement_id = :agreement and r.category = any(cast(:categories as text[]))";

    @Inject EntityManager em;
    @Inject Envelope envelope;
    @Inject ObjectMapper mapper;

    public List<Youth> youth(UUID agreementId, Set<DataCategory> categories) {
        String sql =
                "select r.participant_id, p.grade_level, p.school_code, p.date_of_birth,"
                        + " sum(r.days_enrolled), sum(r.days_absent),"
                        + " count(*) filter (where r.category = 'ASSESSMENTS'"
                        + " and r.proficient is not null),"
                        + " count(*) filter (where r.category = 'ASSESSMENTS' and r.proficient),"
                        + " array_agg(distinct r.category), count(*)"
                        + " from academic_record r join participant p on p.id = r.participant_id"
                        + " where"
                        + FILTER
                        + " group by r.participant_id, p.grade_level, p.school_code,"
                        + " p.date_of_birth order by r.participant_id";
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                bind(em.createNativeQuery(sql), agreementId, categories).getResultList();
        return rows.stream()
                .map(
                        r ->
                                new Youth(
                                        Rows.uuid(r[0]),
                                        (String) r[1],
                                        (String) r[2],
                                        (byte[]) r[3],
                                        (BigDecimal) r[4],
                                        (BigDecimal) r[5],
                                        ((Number) r[6]).intValue(),
                                        ((Number) r[7]).intValue(),
                                        DataCategory.fromArray(Rows.strings(r[8])),
                                        ((Number) r[9]).intValue()))
                .toList();
    }

    /** Each youth's course marks under the agreement, sorted by course then mark. */
    public Map<UUID, List<Mark>> marks(UUID agreementId) {
        String sql =
                "select r.id, r.participant_id, r.payload from academic_record r where"
                        + FILTER
                        + " and r.category = 'GRADES'";
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                bind(em.createNativeQuery(sql), agreementId, Set.of(DataCategory.GRADES))
                        .getResultList();
        Map<UUID, List<Mark>> marks = new HashMap<>();
        for (Object[] r : rows) {
            UUID id = Rows.uuid(r[0]);
            RecordFields f = open((byte[]) r[2], id);
            marks.computeIfAbsent(Rows.uuid(r[1]), k -> new ArrayList<>())
                    .add(new Mark(f.course(), f.mark()));
        }
        Comparator<Mark> order =
                Comparator.comparing(Mark::course, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(
                                Mark::mark, Comparator.nullsFirst(Comparator.naturalOrder()));
        marks.values().forEach(list -> list.sort(order));
        return marks;
    }

    private RecordFields open(byte[] payload, UUID recordId) {
        String json =
                envelope.decrypt(payload, FieldContext.of("academic_record", "payload", recordId));
        try {
            return StrictJson.stored(mapper, RecordFields.class).readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("STW-EXTRACT-0001 unreadable record payload");
        }
    }

    private static jakarta.persistence.Query bind(
            jakarta.persistence.Query query, UUID agreementId, Set<DataCategory> categories) {
        return query.setParameter("agreement", agreementId)
                .setParameter("categories", DataCategory.literal(categories));
    }
}
