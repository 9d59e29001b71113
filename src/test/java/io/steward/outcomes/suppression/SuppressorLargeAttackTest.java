package io.steward.outcomes.suppression;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Proof by attack above the size {@link RangeAudit} solves whole: random tables of 420 to 700
 * possible fine cells, where every suppressed cell is proved by witnesses or a local program, are
 * published over their full domains and attacked by the exact integer attacker of {@link
 * SuppressorAttackTest}, here the stronger one who also knows every empty cell (its ranges lie
 * inside the real attacker's, and it has fewer unknowns). Every suppressed non-empty cell must keep
 * a range of at least the minimum.
 *
 * <p>Branch and bound over commons-math's dense simplex takes seconds per cell at this size, so the
 * test runs only when asked: {@code -Dsteward.attack.large-tables=N}. The default run covers the
 * same code path on small tables ({@link
 * SuppressorAttackTest#attack_withoutTheWholeProgram_leavesEverySuppressedCellARangeOfMinimum}).
 */
class SuppressorLargeAttackTest {

    static final int TABLES = Integer.getInteger("steward.attack.large-tables", 0);

    @Test
    void attack_largeRandomTables_leaveEverySuppressedCellARangeOfMinimum() {
        assumeTrue(TABLES > 0, "set steward.attack.large-tables to run");
        Lattice lattice = RandomCubes.outcomes();
        List<String> failures = new ArrayList<>();
        long attacked = 0;
        for (int seed = 0; seed < TABLES; seed++) {
            RandomCubes.Cube cube = RandomCubes.large(new Random(seed));
            assertTrue(cube.universe().size() > RangeAudit.MAX_VARIABLES);
            Suppression pattern = Suppressor.protect(cube.facts(), lattice, cube.minimum());
            Attacker attacker = Attacker.knowingEmptyCells(pattern, cube.universe());
            for (CellKey cell : pattern.suppressed()) {
                Attacker.Range range = attacker.range(cell);
                attacked++;
                if (range.width() < cube.minimum()) {
                    failures.add(
                            "seed "
                                    + seed
                                    + " "
                                    + cell
                                    + " n="
                                    + pattern.count(cell)
                                    + " range "
                                    + range
                                    + " k="
                                    + cube.minimum());
                }
            }
        }
        assertTrue(attacked > TABLES, "the attack must reach suppressed cells");
        assertTrue(
                failures.isEmpty(),
                failures.size()
                        + " cells narrowed, first: "
                        + failures.subList(0, Math.min(10, failures.size())));
    }
}
