package io.steward.common;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One field that failed validation: either a JSON {@code field} path, or a {@code row} and {@code
 * column} of an uploaded file. The message names the rule, never the rejected value.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(String field, Long row, String column, String message) {

    public static FieldError field(String field, String message) {
        return new FieldError(field, null, null, message);
    }

    public static FieldError cell(long row, String column, String message) {
        return new FieldError(null, row, column, message);
    }
}
