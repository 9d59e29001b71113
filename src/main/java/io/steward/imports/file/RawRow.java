package io.steward.imports.file;

import java.util.List;

/**
 * One data row as read from a file: its number, its values by {@link Column} ordinal (null when
 * absent), and the problems found in its shape (then values may be null).
 */
public record RawRow(long row, String[] values, List<RowError> errors) {

    public String get(Column column) {
        return values == null ? null : values[column.ordinal()];
    }

    static RawRow broken(long row, Column column, String message) {
        return new RawRow(row, null, List.of(RowError.of(row, column, message)));
    }
}
