package io.steward.imports.file;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The header row of a CSV upload: every {@link Column} exactly once, in any order, and nothing
 * else. Problems are reported as row 0. A name that is not a column is never repeated back (a file
 * without a header would have a youth's data there), only its position.
 */
public final class CsvHeader {

    private CsvHeader() {}

    /** Where each column is, by {@link Column} ordinal; or the problems with the header. */
    public record Result(int[] positions, List<RowError> errors) {}

    public static Result read(List<String> names) {
        int[] positions = new int[Column.ALL.size()];
        Arrays.fill(positions, -1);
        List<RowError> errors = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            Column column = Column.named(names.get(i).strip());
            if (column == null) {
                errors.add(
                        new RowError(
                                0L, null, "column " + (i + 1) + " is not a known column name"));
            } else if (positions[column.ordinal()] >= 0) {
                errors.add(RowError.of(0, column, "appears more than once in the header row"));
            } else {
                positions[column.ordinal()] = i;
            }
        }
        for (Column column : Column.ALL) {
            if (positions[column.ordinal()] < 0) {
                errors.add(RowError.of(0, column, "is missing from the header row"));
            }
        }
        return new Result(positions, errors);
    }
}
