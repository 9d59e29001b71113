package io.steward.imports.file;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;

/** A file that cannot be read past some row: the rest of it cannot be split into rows. */
public final class UnreadableFile extends RuntimeException {

    private final transient RowError error;

    UnreadableFile(RowError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    public RowError error() {
        return error;
    }

    /** The problem met while reading the given row, described without the file's contents. */
    static UnreadableFile at(long row, Throwable cause, UploadFormat format, int maxRecordBytes) {
        String message;
        if (cause instanceof RecordBounds.RecordTooLong) {
            message = "is longer than " + maxRecordBytes + " bytes";
        } else if (cause instanceof CharacterCodingException) {
            message = "is not UTF-8 text";
        } else if (format == UploadFormat.CSV && cause instanceof IOException) {
            message = "is not valid CSV: check its quotes";
        } else {
            message = "could not be read";
        }
        return new UnreadableFile(new RowError(row, null, message));
    }
}
