package io.steward.imports.file;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Comparator;

/**
 * One problem in an uploaded file: the data row (the first row after the CSV header, or the first
 * non-blank NDJSON line, is row 1; the CSV header is row 0; null for the file as a whole), the
 * column when one is at fault, and a message that names the rule and never repeats the value.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RowError(Long row, String column, String message) {

    public static final Comparator<RowError> ORDER =
            Comparator.comparing(RowError::row, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(e -> e.column() == null ? "" : e.column())
                    .thenComparing(RowError::message);

    public static RowError of(long row, Column column, String message) {
        return new RowError(row, column == null ? null : column.header(), message);
    }
}
