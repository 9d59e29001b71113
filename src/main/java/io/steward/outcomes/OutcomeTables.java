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
import java.util.Objects;

/**
 * Turns the fine cross-classification from SQL into the answer for one grouping: one suppression
 * pattern over every table of the lattice, then the requested table (sliced to the provider when
 * filtered), its total, and the values of the shown cells.
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

    /** The answer to one query over these tables. */
    OutcomeView answer(OutcomeQuery query) {
        Integer provider =
                query.providerCode() == null ? null : providerIndex(query.providerCode());
        int mask = Dimension.mask(query.groupBy());
        if (query.providerCode() != null) {
            mask |= Dimension.PROVIDER.bit();
        }
        Map<CellKey, Double> cellSums = sums(mask);
        int totalMask = query.providerCode() == null ? 0 : Dimension.PROVIDER.bit();
        Map<CellKey, Double> totalSums = sums(totalMask);

        List<OutcomeView.Cell> cells = new ArrayList<>();
        if (query.providerCode() == null || provider != null) {
            for (CellKey cell : pattern.cells(mask)) {
                if (provider == null || cell.coord(Dimension.PROVIDER.ordinal()) == provider) {
                    cells.add(cell(query, pattern, cell, cellSums.get(cell)));
                }
            }
        }
        OutcomeView.Total total = total(query, pattern, totalMask, provider, totalSums);
        List<String> groupBy = query.groupBy().stream().map(Dimension::param).toList();
        return new OutcomeView(query.metric().path(), groupBy, minimum, cells, total);
    }

    private Integer providerIndex(String code) {
        List<Object> providers = values.get(Dimension.PROVIDER.ordinal());
        for (int i = 0; i < providers.size(); i++) {
            if (providers.get(i) instanceof String known && known.equalsIgnoreCase(code)) {
                return i;
            }
        }
        return null;
    }

    private Map<CellKey, Double> sums(int mask) {
        Map<CellKey, Double> totals = new HashMap<>();
        for (int i = 0; i < facts.size(); i++) {
            totals.merge(CellKey.project(facts.get(i).coords(), mask), sums.get(i), Double::sum);
        }
        return totals;
    }

    private OutcomeView.Cell cell(
            OutcomeQuery query, Suppression pattern, CellKey cell, Double sum) {
        Map<String, String> group = new LinkedHashMap<>();
        for (Dimension dimension : query.groupBy()) {
            Object value = values.get(dimension.ordinal()).get(cell.coord(dimension.ordinal()));
            group.put(dimension.param(), value == null ? null : Objects.toString(value));
        }
        if (pattern.isSuppressed(cell)) {
            return new OutcomeView.Cell(group, null, null, true, null);
        }
        long n = pattern.count(cell);
        ValueCoding.Coded value = ValueCoding.of(query.metric(), n, sum);
        return new OutcomeView.Cell(group, n, value.value(), false, value.coded());
    }

    private OutcomeView.Total total(
            OutcomeQuery query,
            Suppression pattern,
            int mask,
            Integer provider,
            Map<CellKey, Double> totalSums) {
        CellKey key = null;
        for (CellKey cell : pattern.cells(mask)) {
            if (provider == null || cell.coord(Dimension.PROVIDER.ordinal()) == provider) {
                key = cell;
            }
        }
        if (key == null || (query.providerCode() != null && provider == null)) {
            return new OutcomeView.Total(0L, null, false, null);
        }
        if (pattern.isSuppressed(key)) {
            return new OutcomeView.Total(null, null, true, null);
        }
        long n = pattern.count(key);
        ValueCoding.Coded value = ValueCoding.of(query.metric(), n, totalSums.get(key));
        return new OutcomeView.Total(n, value.value(), false, value.coded());
    }
}
