package io.steward.imports.file;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/** Reads the data rows of an upload one at a time, so memory does not grow with the file. */
public interface RowSource extends Closeable {

    /**
     * The next data row, or null after the last. Throws {@link UnreadableFile} when the rest of the
     * file cannot be split into rows.
     */
    RawRow next();

    static RowSource open(Spool spool, ObjectMapper mapper, int maxRecordBytes) throws IOException {
        InputStream in = spool.open();
        try {
            return spool.format() == UploadFormat.CSV
                    ? new CsvRows(in, maxRecordBytes)
                    : new NdjsonRows(in, mapper, maxRecordBytes);
        } catch (UnreadableFile e) {
            in.close();
            return unreadable(e);
        } catch (RuntimeException | IOException e) {
            in.close();
            throw e;
        }
    }

    /** A source whose first row is the reason the file could not be opened as rows. */
    private static RowSource unreadable(UnreadableFile reason) {
        return new RowSource() {
            private boolean told;

            @Override
            public RawRow next() {
                if (told) {
                    return null;
                }
                told = true;
                throw reason;
            }

            @Override
            public void close() {}
        };
    }
}
