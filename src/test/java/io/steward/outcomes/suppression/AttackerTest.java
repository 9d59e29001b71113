package io.steward.outcomes.suppression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The attacker must find what a naive pattern gives away, or the attack test proves nothing. */
class AttackerTest {

    static final Lattice TWO_WAY = Lattice.of(2, List.of(0, 1, 2, 3));

    static List<Fact> table(long[][] counts) {
        List<Fact> facts = new ArrayList<>();
        for (int r = 0; r < counts.length; r++) {
            for (int c = 0; c < counts[r].length; c++) {
                facts.add(new Fact(new int[] {r, c}, counts[r][c]));
            }
        }
        return facts;
    }

    static List<int[]> universe(int rows, int cols) {
        List<int[]> all = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                all.add(new int[] {r, c});
            }
        }
        return all;
    }

    @Test
    void range_onlyTheSmallCellHidden_isPinnedByTheRowTotal() {
        long[][] counts = {{3, 20}, {15, 30}};
        FineTable table = new FineTable(table(counts), TWO_WAY);
        CellKey small = CellKey.project(new int[] {0, 0}, 3);
        Suppression naive = new Suppression(TWO_WAY, 10, table.counts, Set.of(small));

        Attacker.Range range = new Attacker(naive, universe(2, 2)).range(small);

        assertEquals(new Attacker.Range(3, 3), range);
    }

    @Test
    void range_emptyCellInTheRowKnownToTheStrongerAttacker_countsAsAZero() {
        long[][] counts = {{2, 0}, {12, 9}};
        FineTable table = new FineTable(table(counts), TWO_WAY);
        CellKey a = CellKey.project(new int[] {0, 0}, 3);
        CellKey b = CellKey.project(new int[] {1, 0}, 3);
        Suppression pattern = new Suppression(TWO_WAY, 10, table.counts, Set.of(a, b));

        Attacker.Range range = Attacker.knowingEmptyCells(pattern, universe(2, 2)).range(a);

        assertEquals(new Attacker.Range(2, 2), range, "row 0 has no other present cell");
    }

    @Test
    void range_emptyCellListedAndSuppressed_isAnUnknownThatShownCellsCanStillPin() {
        long[][] counts = {{2, 0}, {12, 9}};
        FineTable table = new FineTable(table(counts), TWO_WAY);
        CellKey a = CellKey.project(new int[] {0, 0}, 3);
        CellKey b = CellKey.project(new int[] {1, 0}, 3);
        CellKey empty = CellKey.project(new int[] {0, 1}, 3);
        Suppression pattern = new Suppression(TWO_WAY, 10, table.counts, Set.of(a, b));

        Attacker attacker = new Attacker(pattern, universe(2, 2));

        assertTrue(pattern.isSuppressed(empty), "an empty cell is listed suppressed");
        assertEquals(new Attacker.Range(0, 0), attacker.range(empty), "column 1 is 9 = 9 + x");
        assertEquals(new Attacker.Range(2, 2), attacker.range(a), "so row 0 still gives a");
    }

    @Test
    void range_emptyCellsUnknown_leaveASmallCellBesideThemUnpinned() {
        long[][] counts = {{3, 0, 0}, {0, 0, 0}, {0, 0, 40}};
        FineTable table = new FineTable(table(counts), TWO_WAY);
        CellKey small = CellKey.project(new int[] {0, 0}, 3);
        CellKey row = CellKey.project(new int[] {0, -1}, 1);
        CellKey column = CellKey.project(new int[] {-1, 0}, 2);
        Suppression pattern =
                new Suppression(TWO_WAY, 10, table.counts, Set.of(small, row, column));

        Attacker.Range exact = new Attacker(pattern, universe(3, 3)).range(small);
        Attacker.Range knowing = Attacker.knowingEmptyCells(pattern, universe(3, 3)).range(small);

        assertEquals(new Attacker.Range(0, 3), exact, "the grand total 43 less the shown 40");
        assertEquals(new Attacker.Range(3, 3), knowing, "the only present cell left");
    }

    @Test
    void protect_smallCellInATwoWayTable_leavesEveryHiddenCellAWideRange() {
        long[][] counts = {{3, 20, 14}, {15, 30, 11}, {12, 4, 25}};
        Suppression pattern = Suppressor.protect(table(counts), TWO_WAY, 10);
        Attacker attacker = new Attacker(pattern, universe(3, 3));
        Attacker knowing = Attacker.knowingEmptyCells(pattern, universe(3, 3));

        assertTrue(pattern.suppressed().size() >= 4);
        for (CellKey cell : pattern.suppressed()) {
            assertTrue(attacker.range(cell).width() >= 10, cell.toString());
            assertTrue(knowing.range(cell).width() >= 10, cell.toString());
        }
    }
}
