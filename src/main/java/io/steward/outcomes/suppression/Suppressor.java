package io.steward.outcomes.suppression;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Chooses primary and complementary suppression jointly over every table of a lattice, so that a
 * pattern computed once serves every grouping of the same data. See {@code
 * docs/disclosure-control.md} for the method and the protection it gives.
 *
 * <p>What the attacker knows: every cell of every table of the lattice over the public domain of
 * each dimension is listed, shown or suppressed, so a suppressed cell is only known to be at least
 * zero (at least one in a table the lattice marks {@link Lattice#knownNonEmpty known non-empty}).
 * Empty cells are suppressed by the publisher like any small cell and take no part here: this class
 * works only with the present (non-empty) cells and holds every fine cell under an empty published
 * cell at zero. That is a stronger attacker than the real one, who does not know which cells are
 * empty: its feasible tables are a subset of the real attacker's, so every range proved wide enough
 * here is wide enough for the real attacker, and stays so for an attacker who learned every empty
 * cell.
 *
 * <p>First the family rules, applied to every family (a parent cell and the present cells of a
 * table one dimension finer that sum to it) until none changes:
 *
 * <ol>
 *   <li>Primary: a present cell with fewer than {@code minimum} units is suppressed.
 *   <li>A suppressed parent needs at least one suppressed child, else it is their sum.
 *   <li>A shown parent with suppressed children needs at least two of them, and their total {@code
 *       T} must leave each a range of at least {@code minimum}: each is at least its floor {@code
 *       f} (zero, or one in a table known non-empty), so each lies in {@code [f, T - (|U| - 1) f]},
 *       a range of {@code T - |U| f}. Children are added, smallest sufficient first, else largest;
 *       when none is left the parent is suppressed.
 * </ol>
 *
 * <p>These rules are cheap but only local. Then every suppressed cell must be proved protected
 * across all tables at once by {@link Witnesses}; where the proof falls short, the shown cells that
 * block the best move are suppressed too, and the rules run again.
 *
 * <p>Only present cells are ever chosen as complements: an empty complement adds nothing in the
 * stronger attacker's view.
 */
public final class Suppressor {

    private static final Logger LOG = Logger.getLogger(Suppressor.class);
    private static final int SCREEN_ROUNDS = 50;

    private final int minimum;
    private final FineTable table;
    private final Map<CellKey, Long> counts;
    private final Set<CellKey> suppressed = new HashSet<>();
    private final List<Family> families = new ArrayList<>();
    private final Map<CellKey, List<Family>> familiesOf = new HashMap<>();

    private Suppressor(int minimum, FineTable table) {
        this.minimum = minimum;
        this.table = table;
        this.counts = table.counts;
    }

    /** The suppression pattern for these fine cells under this lattice and minimum cell size. */
    public static Suppression protect(List<Fact> facts, Lattice lattice, int minimum) {
        return protect(facts, lattice, minimum, RangeAudit.MAX_VARIABLES);
    }

    /** As {@link #protect}, solving the attacker's program only up to this many unknowns. */
    static Suppression protect(List<Fact> facts, Lattice lattice, int minimum, int maxVariables) {
        if (minimum < 1) {
            throw new IllegalArgumentException("minimum must be at least 1");
        }
        Suppressor run = new Suppressor(minimum, new FineTable(facts, lattice));
        run.buildFamilies(lattice);
        for (CellKey cell : run.table.cells()) {
            if (run.counts.get(cell) < minimum) {
                run.suppressed.add(cell);
            }
        }
        run.closeRelations(run.families);
        run.certify(maxVariables);
        return new Suppression(lattice, minimum, run.counts, run.suppressed);
    }

    private void buildFamilies(Lattice lattice) {
        TreeMap<CellKey, List<CellKey>> byParent = new TreeMap<>();
        List<CellKey> cells = table.cells();
        for (Lattice.Relation relation : lattice.relations()) {
            byParent.clear();
            for (CellKey child : cells) {
                if (child.mask() == relation.childMask()) {
                    CellKey parent =
                            CellKey.project(FineTable.coords(child), relation.parentMask());
                    byParent.computeIfAbsent(parent, p -> new ArrayList<>()).add(child);
                }
            }
            byParent.forEach(
                    (parent, children) -> {
                        Family family = new Family(parent, List.copyOf(children));
                        families.add(family);
                        familiesOf.computeIfAbsent(parent, p -> new ArrayList<>()).add(family);
                        for (CellKey child : children) {
                            familiesOf.computeIfAbsent(child, c -> new ArrayList<>()).add(family);
                        }
                    });
        }
    }

    /**
     * Checks every suppressed cell, suppressing more where a check fails, until one full pass
     * passes. A cell passes when {@link Witnesses} proves its range, or, for tables small enough to
     * solve, when the attacker's linear program ({@link RangeAudit}) leaves it a range of at least
     * the minimum. Larger tables first get the cheap {@link #screen()}, then the same witnesses: no
     * cell is published suppressed without a proof. A cell that fails is given more suppressed
     * cells, those blocking the best move, and checked again. It ends: every round suppresses at
     * least one more cell, and once every cell above some fine cell under a suppressed cell is
     * suppressed, that fine cell can rise without bound and the witnesses prove the range open. So
     * every suppressed cell of the pattern returned is proved, whatever the size of the table,
     * including a pattern that suppresses everything.
     */
    private void certify(int maxVariables) {
        RangeAudit audit = RangeAudit.ifSmall(table, suppressed, maxVariables);
        if (audit == null) {
            screen();
        }
        Witnesses witnesses = new Witnesses(table, suppressed);
        Set<CellKey> proved = new HashSet<>();
        List<CellKey> pass;
        while (!(pass = unproved(proved)).isEmpty()) {
            for (CellKey cell : pass) {
                long range;
                while ((range = witnesses.protection(cell, minimum)) < minimum) {
                    if (audit != null && audit.width(cell) >= minimum) {
                        break;
                    }
                    List<Family> touched = new ArrayList<>();
                    for (CellKey blocking : witnesses.repair(cell, minimum - range)) {
                        suppressed.add(blocking);
                        touched.addAll(familiesOf.getOrDefault(blocking, List.of()));
                    }
                    closeRelations(touched);
                }
                proved.add(cell);
            }
        }
    }

    /**
     * The suppressed cells not yet proved, in key order. A proof stays valid as cells are added:
     * suppressing a shown cell only replaces its equality by a bound the true table meets, so every
     * table that published the same before still does, and every range can only widen.
     */
    private List<CellKey> unproved(Set<CellKey> proved) {
        List<CellKey> pass = new ArrayList<>();
        for (CellKey cell : suppressed) {
            if (!proved.contains(cell)) {
                pass.add(cell);
            }
        }
        pass.sort(null);
        return pass;
    }

    /**
     * For tables too large to solve: interval bounds through the family sums find cells that are
     * certainly exposed, and each gets the largest shown sibling in each of its families (or the
     * parent, when no sibling is left) suppressed too, until the bounds find none. Passing this
     * screen is not a proof: it only spares the witnesses the cells that are certainly exposed, and
     * {@link #certify} then proves every suppressed cell.
     */
    private void screen() {
        for (int round = 0; round < SCREEN_ROUNDS; round++) {
            IntervalAudit audit = new IntervalAudit(table.lattice, counts, suppressed, families);
            List<Family> touched = new ArrayList<>();
            List<CellKey> pass = new ArrayList<>(suppressed);
            pass.sort(null);
            for (CellKey cell : pass) {
                if (audit.width(cell) >= minimum) {
                    continue;
                }
                for (Family family : familiesOf.getOrDefault(cell, List.of())) {
                    if (!family.children().contains(cell)) {
                        continue;
                    }
                    List<CellKey> shown = new ArrayList<>();
                    for (CellKey child : family.children()) {
                        if (!suppressed.contains(child)) {
                            shown.add(child);
                        }
                    }
                    CellKey added =
                            shown.isEmpty()
                                    ? (suppressed.contains(family.parent())
                                            ? null
                                            : family.parent())
                                    : pick(shown, Long.MAX_VALUE);
                    if (added != null) {
                        hide(added);
                        touched.addAll(familiesOf.getOrDefault(added, List.of()));
                    }
                }
            }
            if (touched.isEmpty()) {
                return;
            }
            closeRelations(touched);
        }
        LOG.warnf(
                "STW-OUT-0001 interval screen still flags cells after %d rounds (%d suppressed)",
                SCREEN_ROUNDS, suppressed.size());
    }

    /** Applies the family rules from these families on, until none changes. */
    private void closeRelations(List<Family> start) {
        Deque<Family> work = new ArrayDeque<>(start);
        Set<Family> queued = new HashSet<>(start);
        while (!work.isEmpty()) {
            Family family = work.poll();
            queued.remove(family);
            for (CellKey added : repair(family)) {
                for (Family touched : familiesOf.getOrDefault(added, List.of())) {
                    if (queued.add(touched)) {
                        work.add(touched);
                    }
                }
            }
        }
    }

    /** Suppresses what this family needs; answers the cells it added. */
    private List<CellKey> repair(Family family) {
        List<CellKey> added = new ArrayList<>();
        List<CellKey> hidden = new ArrayList<>();
        List<CellKey> shown = new ArrayList<>();
        long hiddenTotal = 0;
        for (CellKey child : family.children()) {
            if (suppressed.contains(child)) {
                hidden.add(child);
                hiddenTotal += counts.get(child);
            } else {
                shown.add(child);
            }
        }
        if (suppressed.contains(family.parent())) {
            if (hidden.isEmpty()) {
                added.add(hide(pick(shown, 0)));
            }
            return added;
        }
        long floor = table.lattice.floor(family.children().get(0).mask());
        while (!hidden.isEmpty()
                && (hidden.size() < 2 || hiddenTotal - hidden.size() * floor < minimum)) {
            if (shown.isEmpty()) {
                added.add(hide(family.parent()));
                return added;
            }
            long needed = minimum + (hidden.size() + 1) * floor - hiddenTotal;
            CellKey next = pick(shown, needed);
            shown.remove(next);
            hidden.add(next);
            hiddenTotal += counts.get(next);
            added.add(hide(next));
        }
        return added;
    }

    /** The smallest cell with at least {@code needed} units, else the largest. */
    private CellKey pick(List<CellKey> candidates, long needed) {
        CellKey smallestEnough = null;
        CellKey largest = null;
        for (CellKey cell : candidates) {
            long n = counts.get(cell);
            if (n >= needed && (smallestEnough == null || n < counts.get(smallestEnough))) {
                smallestEnough = cell;
            }
            if (largest == null || n > counts.get(largest)) {
                largest = cell;
            }
        }
        return smallestEnough != null ? smallestEnough : largest;
    }

    private CellKey hide(CellKey cell) {
        suppressed.add(cell);
        return cell;
    }
}
