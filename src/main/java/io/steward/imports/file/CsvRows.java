package io.steward.imports.file;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV rows (RFC 4180 quoting, CRLF or LF, optional UTF-8 byte order mark, blank lines skipped),
 * strictly UTF-8. The header row names the columns; data row 1 is the record after it.
 *
 * <p>The parser takes a quote inside a field that does not begin with one ({@code Mi"d}) as text;
 * RFC 4180 does not, and such a row is an error naming the column. The parser cannot tell how a
 * value was written, so {@link RecordBounds}, which already follows the quoting of every byte to
 * find where records end, reports those fields as the bytes pass; it reads ahead of the parser, so
 * its findings wait in a queue until their record is parsed.
 */
final class CsvRows implements RowSource {

    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
    static final String BARE_QUOTE =
            "has a quote inside a field that does not begin with one; enclose the field in quotes"
                    + " and double each quote in it (RFC 4180)";

    /** Quotes inside unquoted fields, as (record, field), in file order. */
    private final ArrayDeque<long[]> bareQuotes = new ArrayDeque<>();

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final int maxRecordBytes;
    private final int[] positions;
    private final int width;
    private long row;

    CsvRows(InputStream in, int maxRecordBytes) throws IOException {
        this.maxRecordBytes = maxRecordBytes;
        try {
            RecordBounds bounds =
                    new RecordBounds(
                            UploadFormat.CSV,
                            maxRecordBytes,
                            (record, field) -> bareQuotes.add(new long[] {record, field}));
            this.parser = FORMAT.parse(reader(in, bounds));
        } catch (CharacterCodingException e) {
            // The reader decodes ahead of the parser, so the bad bytes may lie in any early row.
            throw new UnreadableFile(new RowError(null, null, "The file is not UTF-8 text."));
        }
        this.records = parser.iterator();
        CSVRecord header = fetch();
        if (header == null) {
            throw new UnreadableFile(new RowError(0L, null, "has no header row"));
        }
        CsvHeader.Result result = CsvHeader.read(Arrays.asList(header.values()), 1);
        if (!result.errors().isEmpty()) {
            throw new UnreadableFile(result.errors().get(0));
        }
        this.positions = result.positions();
        this.width = header.size();
    }

    /** Strict UTF-8 text, without a leading byte order mark, with each record's length capped. */
    static Reader reader(InputStream in, int maxRecordBytes) throws IOException {
        return reader(in, new RecordBounds(UploadFormat.CSV, maxRecordBytes));
    }

    private static Reader reader(InputStream in, RecordBounds bounds) throws IOException {
        var decoder =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
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
        int bare = bareQuoteField(record.getRecordNumber());
        String[] values = new String[positions.length];
        for (int c = 0; c < positions.length; c++) {
            if (positions[c] == bare) {
                return RawRow.broken(row, Column.ALL.get(c), BARE_QUOTE);
            }
            values[c] = record.get(positions[c]);
        }
        return new RawRow(row, values, List.of());
    }

    /** The field of this record with a quote inside it while unquoted, or -1. */
    private int bareQuoteField(long record) {
        while (!bareQuotes.isEmpty() && bareQuotes.peek()[0] < record) {
            bareQuotes.poll();
        }
        long[] found = bareQuotes.peek();
        return found != null && found[0] == record ? (int) found[1] : -1;
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
