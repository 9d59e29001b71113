package io.steward.outcomes;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Keeps the suppressed tables of recent fine cross-classifications, keyed by a digest of the SQL
 * rows, the minimum cell size and the agreements whose school data the rows came from. The pattern
 * depends on the rows and the minimum alone, so a dashboard asking for several groupings of the
 * same data pays for suppression once, and any change to the data gives a new key. The agreements
 * are in the key as well, so that callers whose organizations are named by different agreements
 * never share an entry, even when their rows happen to be equal. Holds aggregate counts only, never
 * a row per youth.
 */
@ApplicationScoped
public class PatternCache {

    private static final int ENTRIES = 32;

    private final Map<String, OutcomeTables> entries =
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, OutcomeTables> eldest) {
                    return size() > ENTRIES;
                }
            };

    /**
     * The tables for these rows, computed now or reused; {@code agreements} are those the rows were
     * read under (none for program data).
     */
    public OutcomeTables tables(List<OutcomeRow> rows, int minimum, List<UUID> agreements) {
        String key = digest(rows, minimum, agreements);
        synchronized (entries) {
            OutcomeTables known = entries.get(key);
            if (known != null) {
                return known;
            }
        }
        OutcomeTables computed = OutcomeTables.of(rows, minimum);
        synchronized (entries) {
            entries.put(key, computed);
        }
        return computed;
    }

    static String digest(List<OutcomeRow> rows, int minimum, List<UUID> agreements) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            ByteBuffer number = ByteBuffer.allocate(Long.BYTES);
            digest.update(number.putLong(0, minimum).array());
            digest.update(number.putLong(0, agreements.size()).array());
            for (UUID agreement : agreements) {
                digest.update(number.putLong(0, agreement.getMostSignificantBits()).array());
                digest.update(number.putLong(0, agreement.getLeastSignificantBits()).array());
            }
            for (OutcomeRow row : rows) {
                for (Object part :
                        new Object[] {
                            row.providerCode(),
                            row.programId(),
                            row.gradeLevel(),
                            row.schoolCode(),
                            row.dosageBand()
                        }) {
                    if (part == null) {
                        digest.update((byte) 1);
                    } else {
                        digest.update(part.toString().getBytes(StandardCharsets.UTF_8));
                        digest.update((byte) 0);
                    }
                }
                digest.update(number.putLong(0, row.n()).array());
                digest.update(number.putLong(0, Double.doubleToLongBits(row.sum())).array());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
