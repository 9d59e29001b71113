package io.steward.schooldata;

import io.steward.common.Rows;
import io.steward.crypto.BlindIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Finds the participants behind a district's student ids through the keyed student index, never by
 * decrypting a row. Students who are not participants simply have no entry.
 */
@ApplicationScoped
public class StudentMatcher {

    private static final int CHUNK = 500;

    @Inject BlindIndex index;
    @Inject EntityManager em;

    /** The participant of each student id (keys normalized by {@link #normalize}). */
    public Map<String, UUID> match(String districtCode, Collection<String> studentIds) {
        String district = districtCode.trim().toLowerCase(Locale.ROOT);
        Map<ByteBuffer, String> byKey = new HashMap<>();
        for (String id : studentIds) {
            String normalized = normalize(id);
            byKey.put(ByteBuffer.wrap(index.of("student", district, normalized)), normalized);
        }
        Map<String, UUID> found = new HashMap<>();
        List<ByteBuffer> keys = new ArrayList<>(byKey.keySet());
        for (int from = 0; from < keys.size(); from += CHUNK) {
            List<byte[]> chunk =
                    keys.subList(from, Math.min(keys.size(), from + CHUNK)).stream()
                            .map(ByteBuffer::array)
                            .toList();
            @SuppressWarnings("unchecked")
            List<Object[]> rows =
                    em.createNativeQuery(
                                    "select id, student_key from participant"
                                            + " where student_key in (:keys)")
                            .setParameter("keys", chunk)
                            .getResultList();
            for (Object[] row : rows) {
                found.put(byKey.get(ByteBuffer.wrap((byte[]) row[1])), Rows.uuid(row[0]));
            }
        }
        return found;
    }

    public static String normalize(String districtStudentId) {
        return districtStudentId.trim().toLowerCase(Locale.ROOT);
    }
}
