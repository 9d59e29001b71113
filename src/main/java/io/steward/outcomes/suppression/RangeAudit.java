package io.steward.outcomes.suppression;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * A linear program for the attacker, solved for small tables: the unknowns are the fine cells under
 * no empty published cell, each at least zero; a shown cell fixes their sum; a suppressed cell of a
 * table known to be non-empty ({@link Lattice#floor}) is at least one. The fine cells under an
 * empty published cell are held at zero.
 *
 * <p>The real attacker does not know which cells are empty (every cell of each public domain is
 * listed), so it has every fine cell of the domains as an unknown at least zero. Holding some of
 * them at zero keeps the true table feasible and only removes other tables, so this program's
 * feasible region is a subset of the real attacker's and its range of a cell is contained in the
 * real one: a cell wide enough here is wide enough for the real attacker (and for one who learned
 * every empty cell). Rounded inwards to integers, as the real range is over integers.
 */
final class RangeAudit {

    /** Above this many possible fine cells the program is too large to solve per request. */
    static final int MAX_VARIABLES = 400;

    private static final int MAX_CANDIDATES = 20_000;

    private final FineTable table;
    private final Set<CellKey> suppressed;
    private final List<int[]> vars;

    private RangeAudit(FineTable table, Set<CellKey> suppressed, List<int[]> vars) {
        this.table = table;
        this.suppressed = suppressed;
        this.vars = vars;
    }

    /** The audit for this table, or null when the table is too large to audit per request. */
    static RangeAudit ifSmall(FineTable table, Set<CellKey> suppressed, int maxVariables) {
        Lattice lattice = table.lattice;
        long candidates = 1;
        List<Integer> free = new ArrayList<>();
        for (int d = 0; d < lattice.dimensions(); d++) {
            if (!lattice.isParent(d)) {
                free.add(d);
                candidates *= Math.max(1, table.domain[d].length);
                if (candidates > MAX_CANDIDATES) {
                    return null;
                }
            }
        }
        List<int[]> vars = new ArrayList<>();
        enumerate(table, free, 0, new int[lattice.dimensions()], vars);
        return vars.size() > maxVariables ? null : new RangeAudit(table, suppressed, vars);
    }

    private static void enumerate(
            FineTable table, List<Integer> free, int i, int[] coords, List<int[]> out) {
        if (i == free.size()) {
            for (int mask : table.lattice.masks()) {
                if (!table.counts.containsKey(CellKey.project(coords, mask))) {
                    return;
                }
            }
            out.add(coords.clone());
            return;
        }
        int d = free.get(i);
        for (int v : table.domain[d]) {
            coords[d] = v;
            int parent = table.lattice.parentOf(d);
            if (parent >= 0) {
                coords[parent] = table.owner(d, v);
            }
            enumerate(table, free, i + 1, coords, out);
        }
    }

    /** The LP range of a suppressed cell, rounded inwards; open above answers MAX_VALUE. */
    long width(CellKey cell) {
        List<LinearConstraint> known = new ArrayList<>();
        for (CellKey key : table.counts.keySet()) {
            double[] row = row(key);
            if (suppressed.contains(key)) {
                // Kept even when the floor is zero: commons-math's simplex answered wrong optima
                // for programs of equalities alone (found by the attack test).
                known.add(
                        new LinearConstraint(
                                row, Relationship.GEQ, table.lattice.floor(key.mask())));
            } else {
                known.add(new LinearConstraint(row, Relationship.EQ, table.counts.get(key)));
            }
        }
        double[] objective = row(cell);
        Double max = solve(objective, known, GoalType.MAXIMIZE);
        if (max == null) {
            return Long.MAX_VALUE;
        }
        double min = solve(objective, known, GoalType.MINIMIZE);
        return (long) Math.floor(max + 1e-6) - (long) Math.ceil(min - 1e-6);
    }

    private Double solve(double[] objective, List<LinearConstraint> known, GoalType goal) {
        try {
            return new SimplexSolver(1e-9, 10, 1e-11)
                    .optimize(
                            new MaxIter(1_000_000),
                            new LinearObjectiveFunction(objective, 0),
                            new LinearConstraintSet(known),
                            goal,
                            new NonNegativeConstraint(true))
                    .getValue();
        } catch (UnboundedSolutionException e) {
            return null;
        }
    }

    private double[] row(CellKey key) {
        double[] row = new double[vars.size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = key.contains(vars.get(i)) ? 1 : 0;
        }
        return row;
    }
}
