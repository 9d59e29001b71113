package io.steward.imports.file;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV rows (RFC 4180 quoting, CRLF or LF, optional UTF-8 byte order mark, blank lines skipped),
 * strictly UTF-8. The header row names the columns; data row 1 is the record after it.
 */
final class CsvRows implements RowSource {

    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final int maxRecordBytes;
    private final int[] positions;
    private final int width;
    private long row;

    CsvRows(InputStream in, int maxRecordBytes) throws IOException {
        this.maxRecordBytes = maxRecordBytes;
        try {
            this.parser = FORMAT.parse(reader(in, maxRecordBytes));
        } catch (CharacterCodingException e) {
            // The reader decodes ahead of the parser, so the bad bytes may lie in any early row.
            throw new UnreadableFile(new RowError(null, null, "The file is not UTF-8 text."));
        }
        this.records = parser.iterator();
        CSVRecord header = fetch();
        if (header == null) {
            throw new UnreadableFile(new RowError(0L, null, "has no header row"));
        }
        CsvHeader.Result result = CsvHeader.read(Arrays.asList(header.values()));
        if (!result.errors().isEmpty()) {
            throw new UnreadableFile(result.errors().get(0));
        }
        this.positions = result.positions();
        this.width = header.size();
    }

    /** Strict UTF-8 text, without a leading byte order mark, with each record's length capped. */
    static Reader reader(InputStream in, int maxRecordBytes) throws IOException {
        var decoder =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        RecordBounds bounds = new RecordBounds(UploadFormat.CSV, maxRecordBytes);
        BufferedReader reader =
                new BufferedReader(
                        new InputStreamReader(new BoundedStream(in, bounds), decoder), 1 << 16);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    @Override
    public RawRow next() {
        CSVRecord record = fetch();
        if (record == null) {
            return null;
        }
        row++;
        if (record.size() != width) {
            return RawRow.broken(
                    row, null, "has " + record.size() + " fields; the header has " + width);
        }
        String[] values = new String[positions.length];
        for (int c = 0; c < positions.length; c++) {
            values[c] = record.get(positions[c]);
        }
        return new RawRow(row, values, List.of());
    }

    private CSVRecord fetch() {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() instanceof IOException ? e.getCause() : e;
            throw UnreadableFile.at(row + 1, cause, UploadFormat.CSV, maxRecordBytes);
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
