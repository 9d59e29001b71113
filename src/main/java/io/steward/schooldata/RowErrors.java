package io.steward.schooldata;

import io.steward.common.ApiException;
import io.steward.common.FieldError;
import java.util.ArrayList;
import java.util.List;

/**
 * The errors of an upload, by row and column; at most {@value #MAX} are reported. Messages name the
 * rule, never the rejected value.
 */
public final class RowErrors {

    public static final int MAX = 100;

    private final List<FieldError> errors = new ArrayList<>();
    private int count;

    public void add(long row, String column, String message) {
        count++;
        if (errors.size() < MAX) {
            errors.add(FieldError.cell(row, column, message));
        }
    }

    public int count() {
        return count;
    }

    /** Fails with 400 listing the errors, so nothing of the upload is stored. */
    public void throwIfAny() {
        if (count > 0) {
            throw ApiException.invalid(errors);
        }
    }

    /** A 400 about the whole body, such as a file that cannot be parsed. */
    public static ApiException body(String message) {
        return ApiException.invalid("body", message);
    }
}
