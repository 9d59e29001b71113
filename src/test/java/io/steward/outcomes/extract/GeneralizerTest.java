package io.steward.outcomes.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GeneralizerTest {

    static final String[] GRADES = {"PK", "K", "1", "2", "3", "4", "5", "6", "7", "8", "9"};

    @Test
    void generalize_alreadyAnonymous_keepsExactValues() {
        List<Generalizer.Row> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rows.add(new Generalizer.Row("5", "S1", 2014));
            rows.add(new Generalizer.Row("6", "S1", 2013));
        }

        Generalizer.Result result = Generalizer.generalize(rows, 10, 0.05);

        assertEquals(0, result.gradeLevel() + result.schoolLevel() + result.birthYearLevel());
        assertEquals(new QuasiIdentifiers("5", "S1", "2014"), result.rows().get(0));
        assertEquals(0, result.suppressed());
    }

    @Test
    void generalize_fewerRowsThanK_suppressesEveryRow() {
        List<Generalizer.Row> rows =
                List.of(new Generalizer.Row("5", "S1", 2014), new Generalizer.Row("5", "S2", 2014));

        Generalizer.Result result = Generalizer.generalize(rows, 5, 0.05);

        assertEquals(2, result.suppressed());
        assertNull(result.rows().get(0));
    }

    @Test
    void generalize_smallSchools_hidesSchoolBeforeWideningEverythingElse() {
        List<Generalizer.Row> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            rows.add(new Generalizer.Row("7", "S" + (i % 4), 2012));
        }

        Generalizer.Result result = Generalizer.generalize(rows, 10, 0.0);

        assertEquals(new QuasiIdentifiers("7", "*", "2012"), result.rows().get(0));
        assertEquals(0, result.suppressed());
    }

    @Test
    void generalize_randomExtracts_releaseNoCombinationBelowKAndLoseTheLeast() {
        for (int seed = 0; seed < 400; seed++) {
            Random random = new Random(seed);
            int k = 5 + random.nextInt(8);
            double share = random.nextInt(3) * 0.05;
            List<Generalizer.Row> rows = new ArrayList<>();
            int size = random.nextInt(300);
            for (int i = 0; i < size; i++) {
                String school = random.nextInt(10) == 0 ? null : "S" + random.nextInt(6);
                int grade = random.nextInt(GRADES.length);
                rows.add(
                        new Generalizer.Row(
                                GRADES[grade], school, 2019 - grade + random.nextInt(2)));
            }

            Generalizer.Result result = Generalizer.generalize(rows, k, share);

            Map<QuasiIdentifiers, Integer> classes = new HashMap<>();
            result.rows().stream()
                    .filter(Objects::nonNull)
                    .forEach(q -> classes.merge(q, 1, Integer::sum));
            for (int count : classes.values()) {
                assertTrue(count >= k, "seed " + seed + ": a class of " + count);
            }
            boolean top =
                    result.gradeLevel() == 3
                            && result.schoolLevel() == 1
                            && result.birthYearLevel() == 3;
            assertTrue(
                    top || result.suppressed() <= Math.floor(share * size),
                    "seed " + seed + ": too many rows suppressed");
            double loss =
                    result.gradeLevel() / 3.0
                            + result.schoolLevel()
                            + result.birthYearLevel() / 3.0;
            for (int g = 0; g < 4; g++) {
                for (int s = 0; s < 2; s++) {
                    for (int b = 0; b < 4; b++) {
                        Generalizer.Result other = Generalizer.apply(rows, k, g, s, b);
                        if (other.suppressed() <= Math.floor(share * size)) {
                            assertTrue(g / 3.0 + s + b / 3.0 >= loss - 1e-9, "seed " + seed);
                        }
                    }
                }
            }
        }
    }
}
