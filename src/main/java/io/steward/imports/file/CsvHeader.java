package io.steward.imports.file;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The header row of a CSV upload: every {@link Column} exactly once, by its exact name, in any
 * order, and nothing else. Problems are reported as row 0. A name that is not a column is never
 * repeated back (a file without a header would have a youth's data there), only its position.
 */
public final class CsvHeader {

    private CsvHeader() {}

    /**
     * Where each column is, by {@link Column} ordinal; or the problems with the header, at most the
     * cap given (the missing columns are always kept), and the count of all of them.
     */
    public record Result(int[] positions, List<RowError> errors, long errorCount) {}

    /** Reads the names of a header row, keeping at most {@code cap} problems. */
    public static Result read(List<String> names, int cap) {
        int[] positions = new int[Column.ALL.size()];
        Arrays.fill(positions, -1);
        List<RowError> errors = new ArrayList<>();
        long count = 0;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Column column = Column.named(name);
            RowError error = null;
            if (column == null) {
                String message =
                        Column.named(name.strip()) == null
                                ? " is not a known column name"
                                : " has white space around its name";
                error = new RowError(0L, null, "column " + (i + 1) + message);
            } else if (positions[column.ordinal()] >= 0) {
                error = RowError.of(0, column, "appears more than once in the header row");
            } else {
                positions[column.ordinal()] = i;
            }
            if (error != null) {
                count++;
                if (errors.size() < cap) {
                    errors.add(error);
                }
            }
        }
        List<RowError> missing = new ArrayList<>();
        for (Column column : Column.ALL) {
            if (positions[column.ordinal()] < 0) {
                missing.add(RowError.of(0, column, "is missing from the header row"));
            }
        }
        count += missing.size();
        int room = Math.max(0, cap - missing.size());
        if (errors.size() > room) {
            errors.subList(room, errors.size()).clear();
        }
        errors.addAll(missing);
        return new Result(positions, errors, count);
    }
}
