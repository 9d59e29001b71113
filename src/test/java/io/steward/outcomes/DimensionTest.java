package io.steward.outcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DimensionTest {

    @Test
    void publishedMasks_serveEveryAllowedGroupingAndItsProviderSlice() {
        List<Integer> masks = Dimension.publishedMasks();

        for (Dimension a : Dimension.values()) {
            assertTrue(masks.contains(Dimension.mask(List.of(a))), a.param());
            for (Dimension b : Dimension.values()) {
                if (a != b) {
                    assertTrue(masks.contains(Dimension.mask(List.of(a, b))), a + "," + b);
                }
            }
            assertTrue(masks.contains(Dimension.mask(List.of(a)) | Dimension.PROVIDER.bit()));
        }
        assertTrue(masks.contains(0));
        assertFalse(
                masks.contains(
                        Dimension.mask(List.of(Dimension.GRADE_LEVEL, Dimension.SCHOOL_CODE))
                                | Dimension.PROVIDER.bit()),
                "three-way tables are never served");
    }

    @Test
    void mask_program_keepsItsProvider() {
        int mask = Dimension.mask(List.of(Dimension.PROGRAM));

        assertEquals(Dimension.PROGRAM.bit() | Dimension.PROVIDER.bit(), mask);
    }
}
