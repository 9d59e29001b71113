package io.steward.outcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ValueCodingTest {

    @Test
    void of_smallGroupAllProficient_isTopCodedWithoutValue() {
        ValueCoding.Coded coded = ValueCoding.of(Metric.ASSESSMENT_PROFICIENCY, 12, 12);

        assertNull(coded.value());
        assertEquals("≥95%", coded.coded());
    }

    @Test
    void of_smallGroupNoneProficient_isBottomCoded() {
        ValueCoding.Coded coded = ValueCoding.of(Metric.ASSESSMENT_PROFICIENCY, 20, 0);

        assertNull(coded.value());
        assertEquals("≤5%", coded.coded());
    }

    @Test
    void of_largerGroups_narrowTheCodedBand() {
        assertEquals("≥98%", ValueCoding.of(Metric.SCHOOL_ATTENDANCE, 50, 49.5).coded());
        assertEquals("≥99%", ValueCoding.of(Metric.SCHOOL_ATTENDANCE, 200, 199).coded());
        assertEquals("≥99.9%", ValueCoding.of(Metric.SCHOOL_ATTENDANCE, 5000, 4999.9).coded());
        assertEquals(0.97, ValueCoding.of(Metric.SCHOOL_ATTENDANCE, 500, 485).value());
    }

    @Test
    void of_participation_isAnAverageOfDaysNeverCoded() {
        ValueCoding.Coded coded = ValueCoding.of(Metric.PARTICIPATION, 3, 100);

        assertEquals(33.3, coded.value());
        assertNull(coded.coded());
    }
}
