package io.steward.outcomes.suppression;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NoFeasibleSolutionException;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * Plays the attacker against a published pattern, with exactly what is published: every cell of
 * every table over the domains (the projections of {@code universe}) is listed, a shown cell fixes
 * the sum of its fine cells, a suppressed cell (empty ones included) tells only that it is at least
 * zero, or at least one when it is non-empty and its table is {@link Lattice#knownNonEmpty known
 * non-empty}. The unknowns are all fine cells of the universe, each at least zero. The answer is
 * the exact integer range of each cell, found by branch and bound over an LP relaxation.
 *
 * <p>{@link #knowingEmptyCells} plays a stronger attacker, who also knows which published cells are
 * empty (as when empty cells were not listed), but not that the others hold at least one.
 */
final class Attacker {

    /** The integer range of a suppressed cell; {@code max} is {@code Long.MAX_VALUE} if open. */
    record Range(long min, long max) {
        long width() {
            return max == Long.MAX_VALUE ? Long.MAX_VALUE : max - min;
        }
    }

    private static final double EPS = 1e-6;
    private static final int NODE_LIMIT = 2_000;

    private final List<int[]> vars = new ArrayList<>();
    private final List<LinearConstraint> known = new ArrayList<>();
    private final Suppression published;
    int nodes;

    /** {@code universe}: every fine coordinate of the public domains. */
    Attacker(Suppression published, List<int[]> universe) {
        this(published, universe, false);
    }

    /** The stronger attacker, who knows every empty published cell is zero. */
    static Attacker knowingEmptyCells(Suppression published, List<int[]> universe) {
        return new Attacker(published, universe, true);
    }

    private Attacker(Suppression published, List<int[]> universe, boolean knowsEmpty) {
        this.published = published;
        Map<CellKey, Long> counts = published.counts();
        Lattice lattice = published.lattice();
        Set<CellKey> listed = new TreeSet<>();
        for (int[] fine : universe) {
            boolean possible = true;
            for (int mask : lattice.masks()) {
                CellKey cell = CellKey.project(fine, mask);
                listed.add(cell);
                if (knowsEmpty && !counts.containsKey(cell)) {
                    possible = false;
                }
            }
            if (possible) {
                vars.add(fine);
            }
        }
        for (CellKey cell : listed) {
            double[] row = row(cell);
            long n = published.count(cell);
            if (!published.isSuppressed(cell)) {
                known.add(new LinearConstraint(row, Relationship.EQ, n));
            } else {
                // Also when zero: commons-math's simplex answered wrong optima for programs of
                // equalities alone.
                long floor = n > 0 ? lattice.floor(cell.mask()) : 0;
                known.add(new LinearConstraint(row, Relationship.GEQ, floor));
            }
        }
    }

    int variables() {
        return vars.size();
    }

    private double[] row(CellKey cell) {
        double[] row = new double[vars.size()];
        for (int i = 0; i < vars.size(); i++) {
            row[i] = cell.contains(vars.get(i)) ? 1 : 0;
        }
        return row;
    }

    Range range(CellKey cell) {
        double[] objective = row(cell);
        long max = bound(objective, GoalType.MAXIMIZE, new ArrayList<>());
        long min = bound(objective, GoalType.MINIMIZE, new ArrayList<>());
        return new Range(min, max);
    }

    /** Integer optimum by branch and bound; MAX_VALUE when unbounded above. */
    private long bound(double[] objective, GoalType goal, List<LinearConstraint> branch) {
        Long[] best = {null};
        search(objective, goal, branch, best);
        if (best[0] == null) {
            throw new IllegalStateException("published tables admit no integer table");
        }
        return best[0];
    }

    private void search(
            double[] objective, GoalType goal, List<LinearConstraint> branch, Long[] best) {
        if (++nodes > NODE_LIMIT * 50) {
            throw new IllegalStateException("branch and bound too large");
        }
        List<LinearConstraint> all = new ArrayList<>(known);
        all.addAll(branch);
        PointValuePair solution;
        try {
            solution =
                    new SimplexSolver(1e-9, 10, 1e-11)
                            .optimize(
                                    new MaxIter(100_000),
                                    new LinearObjectiveFunction(objective, 0),
                                    new LinearConstraintSet(all),
                                    goal,
                                    new NonNegativeConstraint(true));
        } catch (NoFeasibleSolutionException e) {
            return;
        } catch (UnboundedSolutionException e) {
            best[0] = Long.MAX_VALUE;
            return;
        }
        double value = solution.getValue();
        boolean max = goal == GoalType.MAXIMIZE;
        long relaxed = max ? (long) Math.floor(value + EPS) : (long) Math.ceil(value - EPS);
        if (best[0] != null && (max ? relaxed <= best[0] : relaxed >= best[0])) {
            return;
        }
        double[] x = solution.getPoint();
        int fractional = -1;
        for (int i = 0; i < x.length; i++) {
            if (Math.abs(x[i] - Math.rint(x[i])) > EPS) {
                fractional = i;
                break;
            }
        }
        if (fractional < 0) {
            best[0] = Math.round(value);
            return;
        }
        double[] unit = new double[x.length];
        unit[fractional] = 1;
        List<LinearConstraint> down = new ArrayList<>(branch);
        down.add(new LinearConstraint(unit, Relationship.LEQ, Math.floor(x[fractional])));
        search(objective, goal, down, best);
        List<LinearConstraint> up = new ArrayList<>(branch);
        up.add(new LinearConstraint(unit, Relationship.GEQ, Math.ceil(x[fractional])));
        search(objective, goal, up, best);
    }

    Suppression published() {
        return published;
    }
}
