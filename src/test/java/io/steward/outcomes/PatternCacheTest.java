package io.steward.outcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PatternCacheTest {

    static final UUID PROGRAM = UUID.randomUUID();
    static final UUID CITY_AUDIT = UUID.randomUUID();
    static final UUID RESEARCH_STUDY = UUID.randomUUID();
    static final List<OutcomeRow> ROWS =
            List.of(
                    new OutcomeRow("PRV-A", PROGRAM, "5", "S1", "30-59", 12, 6.0),
                    new OutcomeRow("PRV-A", PROGRAM, "6", "S1", "30-59", 3, 1.5));

    @Test
    void tables_sameRowsUnderTheSameAgreements_reuseOneEntry() {
        PatternCache cache = new PatternCache();

        OutcomeTables first = cache.tables(ROWS, 10, List.of(CITY_AUDIT));

        assertSame(first, cache.tables(List.copyOf(ROWS), 10, List.of(CITY_AUDIT)));
    }

    @Test
    void tables_sameRowsUnderOtherAgreements_neverShareAnEntry() {
        PatternCache cache = new PatternCache();

        OutcomeTables city = cache.tables(ROWS, 10, List.of(CITY_AUDIT));

        assertNotSame(city, cache.tables(ROWS, 10, List.of(RESEARCH_STUDY)));
        assertNotSame(city, cache.tables(ROWS, 10, List.of(CITY_AUDIT, RESEARCH_STUDY)));
        assertNotSame(city, cache.tables(ROWS, 10, List.of()));
    }

    @Test
    void digest_differsByAgreementsMinimumAndRows() {
        String city = PatternCache.digest(ROWS, 10, List.of(CITY_AUDIT));

        assertEquals(city, PatternCache.digest(ROWS, 10, List.of(CITY_AUDIT)));
        assertNotEquals(city, PatternCache.digest(ROWS, 10, List.of(RESEARCH_STUDY)));
        assertNotEquals(city, PatternCache.digest(ROWS, 12, List.of(CITY_AUDIT)));
        assertNotEquals(city, PatternCache.digest(ROWS.subList(0, 1), 10, List.of(CITY_AUDIT)));
    }
}
