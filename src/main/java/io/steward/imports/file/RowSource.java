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
        } catch (RuntimeException | IOException e) {
            in.close();
            throw e;
        }
    }
}
