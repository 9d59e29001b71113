package io.steward.outcomes.suppression;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steward.outcomes.Dimension;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The participation table of the synthetic city (600 youth, 3 providers, 6 programs, 14 grades, 4
 * schools and none, 3 bands; 306 fine cells of 1 to 7 youth). Every program by grade cell is small,
 * so complementary suppression is heavy, but the grand total of 600 never needs to be hidden: no
 * sum of other published cells gives a small cell when the total is known. The pattern used to
 * suppress it and every provider, because the witness search tried moves to grades that share no
 * school with the cell and could never be built, and then fell back on hiding every cell above one
 * fine cell.
 */
class CityShapedTableTest {

    private static final int MINIMUM = 10;

    private static List<Fact> facts;
    private static List<int[]> universe;
    private static Suppression pattern;

    @BeforeAll
    static void protect() throws IOException {
        List<Map<String, Integer>> index = new ArrayList<>();
        for (int d = 0; d < Dimension.values().length; d++) {
            index.add(new HashMap<>());
        }
        facts = new ArrayList<>();
        Map<Integer, Integer> ownerOf = new HashMap<>();
        try (BufferedReader in =
                new BufferedReader(
                        new InputStreamReader(
                                CityShapedTableTest.class.getResourceAsStream(
                                        "synthetic-city-scale1.txt"),
                                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\|");
                int[] coords = new int[parts.length - 1];
                for (int d = 0; d < coords.length; d++) {
                    Map<String, Integer> values = index.get(d);
                    coords[d] = values.computeIfAbsent(parts[d], v -> values.size());
                }
                ownerOf.put(coords[1], coords[0]);
                facts.add(new Fact(coords, Long.parseLong(parts[parts.length - 1])));
            }
        }
        universe = new ArrayList<>();
        for (Map.Entry<Integer, Integer> program : ownerOf.entrySet()) {
            for (int grade = 0; grade < index.get(2).size(); grade++) {
                for (int school = 0; school < index.get(3).size(); school++) {
                    for (int band = 0; band < index.get(4).size(); band++) {
                        universe.add(
                                new int[] {
                                    program.getValue(), program.getKey(), grade, school, band
                                });
                    }
                }
            }
        }
        pattern = Suppressor.protect(facts, Dimension.lattice(), MINIMUM);
    }

    @Test
    void cityTable_showsTheTotalAndAProvider() {
        CellKey total = CellKey.project(new int[5], 0);
        assertFalse(pattern.isSuppressed(total), "the total of 600 youth is shown");
        assertTrue(
                pattern.cells(Dimension.PROVIDER.bit()).stream()
                        .anyMatch(cell -> !pattern.isSuppressed(cell)),
                "a provider of about 200 youth is shown");
    }

    /**
     * The table is too large for the test's exact integer attacker (its simplex does not finish on
     * the 594 unknowns), so the cells of the tables of at most one dimension are checked against
     * the linear program of the attacker who knows every empty cell, whose ranges lie within the
     * real attacker's. The pattern itself is proved by integer witnesses.
     */
    @Test
    void cityTable_suppressedMarginsKeepARangeOfMinimum() {
        RangeAudit audit =
                RangeAudit.ifSmall(
                        new FineTable(facts, Dimension.lattice()),
                        pattern.suppressed(),
                        Integer.MAX_VALUE);
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (CellKey cell : pattern.suppressed()) {
            boolean margin =
                    Integer.bitCount(cell.mask()) <= 1
                            || cell.mask() == Dimension.mask(List.of(Dimension.PROGRAM));
            if (!margin) {
                continue;
            }
            checked++;
            long width = audit.width(cell);
            if (width < MINIMUM) {
                failures.add(cell + " n=" + pattern.count(cell) + " width " + width);
            }
        }
        assertTrue(checked > 0, "margins are suppressed in this table");
        assertTrue(failures.isEmpty(), failures.toString());
    }
}
