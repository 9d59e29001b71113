package io.steward.outcomes;

import io.steward.outcomes.suppression.CellKey;
import io.steward.outcomes.suppression.Fact;
import io.steward.outcomes.suppression.Suppression;
import io.steward.outcomes.suppression.Suppressor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the fine cross-classification from SQL into the answer for one grouping: one suppression
 * pattern over every table of the lattice, then the requested table over the public domain of its
 * dimensions (sliced to the provider when filtered), its total, and the values of the shown cells.
 */
final class OutcomeTables {

    private static final Object NONE = new Object();

    private final List<List<Object>> values = new ArrayList<>();
    private final List<Map<Object, Integer>> index = new ArrayList<>();
    private final List<Fact> facts = new ArrayList<>();
    private final List<Double> sums = new ArrayList<>();
    private final int minimum;
    private final Suppression pattern;

    private OutcomeTables(List<OutcomeRow> rows, int minimum) {
        this.minimum = minimum;
        for (int d = 0; d < Dimension.values().length; d++) {
            values.add(new ArrayList<>());
            index.add(new HashMap<>());
        }
        for (OutcomeRow row : rows) {
            Object[] raw = {
                row.providerCode(),
                row.programId(),
                row.gradeLevel(),
                row.schoolCode(),
                row.dosageBand()
            };
            int[] coords = new int[raw.length];
            for (int d = 0; d < raw.length; d++) {
                coords[d] = code(d, raw[d]);
            }
            facts.add(new Fact(coords, row.n()));
            sums.add(row.sum());
        }
        this.pattern = Suppressor.protect(facts, Dimension.lattice(), minimum);
    }

    /** The tables of one fine cross-classification, suppressed once for every grouping. */
    static OutcomeTables of(List<OutcomeRow> rows, int minimum) {
        return new OutcomeTables(rows, minimum);
    }

    private int code(int d, Object value) {
        Object key = value == null ? NONE : value;
        return index.get(d)
                .computeIfAbsent(
                        key,
                        k -> {
                            values.get(d).add(value);
                            return values.get(d).size() - 1;
                        });
    }

    /**
     * The answer to one query over these tables: a cell for every combination of the domain's
     * values, so the list does not depend on which cells hold youth. A combination no youth has is
     * empty, below any minimum, and suppressed like any small cell.
     */
    OutcomeView answer(OutcomeQuery query, OutcomeDomain domain) {
        int mask = Dimension.mask(query.groupBy());
        Integer provider = null;
        if (query.providerCode() != null) {
            mask |= Dimension.PROVIDER.bit();
            provider = index(Dimension.PROVIDER, filteredProvider(query, domain));
        }
        Map<CellKey, Double> cellSums = sums(mask);
        int totalMask = query.providerCode() == null ? 0 : Dimension.PROVIDER.bit();
        Map<CellKey, Double> totalSums = sums(totalMask);

        List<OutcomeView.Cell> cells = new ArrayList<>();
        for (List<Object> combination : domain.combinations(query.groupBy())) {
            Map<String, String> group = new LinkedHashMap<>();
            int[] coords = new int[Dimension.values().length];
            java.util.Arrays.fill(coords, -1);
            boolean present = provider == null || provider >= 0;
            if (provider != null) {
                coords[Dimension.PROVIDER.ordinal()] = provider;
            }
            for (int i = 0; i < combination.size(); i++) {
                Dimension dimension = query.groupBy().get(i);
                Object value = combination.get(i);
                if (value instanceof OutcomeDomain.ProgramRef program) {
                    group.put(dimension.param(), program.id().toString());
                    int owner = index(Dimension.PROVIDER, program.providerCode());
                    present &= owner >= 0;
                    coords[Dimension.PROVIDER.ordinal()] = owner;
                    value = program.id();
                } else {
                    group.put(dimension.param(), value == null ? null : value.toString());
                }
                int coord = index(dimension, value);
                present &= coord >= 0;
                coords[dimension.ordinal()] = coord;
            }
            CellKey key = present ? CellKey.project(coords, mask) : null;
            cells.add(cell(query, group, key, key == null ? null : cellSums.get(key)));
        }
        CellKey totalKey = null;
        if (provider == null || provider >= 0) {
            int[] coords = new int[Dimension.values().length];
            coords[Dimension.PROVIDER.ordinal()] = provider == null ? -1 : provider;
            totalKey = CellKey.project(coords, totalMask);
        }
        OutcomeView.Total total = total(query, totalKey, totalSums);
        List<String> groupBy = query.groupBy().stream().map(Dimension::param).toList();
        return new OutcomeView(query.metric().path(), groupBy, minimum, cells, total);
    }

    /** The filtered provider's code as the domain spells it. */
    private static String filteredProvider(OutcomeQuery query, OutcomeDomain domain) {
        for (String code : domain.providers()) {
            if (code.equalsIgnoreCase(query.providerCode())) {
                return code;
            }
        }
        return query.providerCode();
    }

    /** The value index of a dimension's value, or -1 when no youth has it. */
    private int index(Dimension dimension, Object value) {
        Integer known = index.get(dimension.ordinal()).get(value == null ? NONE : value);
        return known == null ? -1 : known;
    }

    private Map<CellKey, Double> sums(int mask) {
        Map<CellKey, Double> totals = new HashMap<>();
        for (int i = 0; i < facts.size(); i++) {
            totals.merge(CellKey.project(facts.get(i).coords(), mask), sums.get(i), Double::sum);
        }
        return totals;
    }

    private OutcomeView.Cell cell(
            OutcomeQuery query, Map<String, String> group, CellKey cell, Double sum) {
        if (cell == null || pattern.isSuppressed(cell)) {
            return new OutcomeView.Cell(group, null, null, true, null);
        }
        long n = pattern.count(cell);
        ValueCoding.Coded value = ValueCoding.of(query.metric(), n, sum);
        return new OutcomeView.Cell(group, n, value.value(), false, value.coded());
    }

    private OutcomeView.Total total(
            OutcomeQuery query, CellKey key, Map<CellKey, Double> totalSums) {
        if (key == null || pattern.isSuppressed(key)) {
            return new OutcomeView.Total(null, null, true, null);
        }
        long n = pattern.count(key);
        ValueCoding.Coded value = ValueCoding.of(query.metric(), n, totalSums.get(key));
        return new OutcomeView.Total(n, value.value(), false, value.coded());
    }
}
