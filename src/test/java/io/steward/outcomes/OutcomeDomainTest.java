package io.steward.outcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OutcomeDomainTest {

    static OutcomeDomain domain(int programs, int schools) {
        List<OutcomeDomain.ProgramRef> refs = new ArrayList<>();
        for (int i = 0; i < programs; i++) {
            refs.add(new OutcomeDomain.ProgramRef(UUID.randomUUID(), "P" + (i % 3)));
        }
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < schools; i++) {
            codes.add("S" + i);
        }
        return new OutcomeDomain(List.of("P0", "P1", "P2"), refs, codes);
    }

    @Test
    void combinations_pair_listEveryCombinationFirstDimensionSlowest() {
        OutcomeDomain domain = domain(2, 3);
        List<Dimension> groupBy = List.of(Dimension.DOSAGE_BAND, Dimension.SCHOOL_CODE);

        List<List<Object>> all = domain.combinations(groupBy);

        assertEquals(9, all.size());
        assertEquals(9, domain.cellCount(groupBy));
        assertEquals(List.of("0-29", "S0"), all.get(0));
        assertEquals(List.of("0-29", "S1"), all.get(1));
        assertEquals(List.of("60+", "S2"), all.get(8));
    }

    @Test
    void values_gradeLevel_isTheFixedListWhateverTheData() {
        OutcomeDomain domain = domain(0, 0);

        assertEquals(14, domain.cellCount(List.of(Dimension.GRADE_LEVEL)));
        assertEquals("PK", domain.combinations(List.of(Dimension.GRADE_LEVEL)).get(0).get(0));
        assertEquals(1, domain.cellCount(List.of()), "the total is one cell");
    }

    @Test
    void cellCount_largeProgramBySchoolPair_isAboveTheLimitOfOneAnswer() {
        assertTrue(
                domain(200, 60).cellCount(List.of(Dimension.PROGRAM, Dimension.SCHOOL_CODE))
                        > OutcomeService.MAX_CELLS);
        assertFalse(
                domain(20, 60).cellCount(List.of(Dimension.PROGRAM, Dimension.SCHOOL_CODE))
                        > OutcomeService.MAX_CELLS);
    }
}
