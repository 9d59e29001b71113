package io.steward.imports.file;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.steward.common.RepeatedProperty;
import io.steward.common.Text;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * NDJSON rows: one JSON object per line (LF or CRLF), string or null values, blank lines skipped.
 * Data row 1 is the first non-blank line.
 */
final class NdjsonRows implements RowSource {

    private static final Pattern PROPERTY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");

    private final InputStream in;
    private final ObjectMapper mapper;
    private final int maxRecordBytes;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] line = new byte[1024];
    private int length;
    private long row;
    private boolean first = true;

    NdjsonRows(InputStream in, ObjectMapper mapper, int maxRecordBytes) {
        this.in = in;
        this.mapper = mapper;
        this.maxRecordBytes = maxRecordBytes;
    }

    @Override
    public RawRow next() {
        while (readLine()) {
            int start = first && startsWithBom() ? 3 : 0;
            first = false;
            if (!blank(start)) {
                row++;
                return parse(start);
            }
        }
        return null;
    }

    private RawRow parse(int start) {
        JsonNode node;
        try {
            node = mapper.readTree(line, start, length - start);
        } catch (JsonParseException e) {
            RowError repeated = repeated(e);
            return repeated != null
                    ? new RawRow(row, null, List.of(repeated))
                    : RawRow.broken(row, null, "is not well-formed JSON");
        } catch (IOException e) {
            return RawRow.broken(row, null, "is not well-formed JSON");
        }
        if (node == null || !node.isObject()) {
            return RawRow.broken(row, null, "is not a JSON object");
        }
        String[] values = new String[Column.ALL.size()];
        List<RowError> errors = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            Column column = Column.named(field.getKey());
            JsonNode value = field.getValue();
            if (column == null) {
                errors.add(unknown(field.getKey()));
            } else if (value.isTextual() && Text.hasLoneSurrogate(value.textValue())) {
                errors.add(RowError.of(row, column, Text.NOT_UNICODE));
            } else if (value.isTextual()) {
                values[column.ordinal()] = value.textValue();
            } else if (!value.isNull()) {
                errors.add(RowError.of(row, column, "must be a string or null"));
            }
        }
        return new RawRow(row, values, errors);
    }

    /**
     * The row error for a property given twice, named by the line's own property it is in: {@code
     * "firstName"} twice is "must be given only once" on {@code firstName}; a repeat inside the
     * value of {@code schoolCode} makes that value no string. Null for any other parse error.
     */
    private RowError repeated(JsonParseException e) {
        RepeatedProperty repeat = RepeatedProperty.of(e);
        if (repeat == null) {
            return null;
        }
        if (repeat.name() == null) {
            return new RowError(row, null, "is not a JSON object");
        }
        Column column = Column.named(repeat.name());
        if (column == null) {
            return unknown(repeat.name());
        }
        return RowError.of(
                row,
                column,
                repeat.nested() ? "must be a string or null" : "must be given only once");
    }

    /** An unknown property, named only when it looks like a column name (never a value). */
    private RowError unknown(String property) {
        String name = PROPERTY.matcher(property).matches() ? property : null;
        return new RowError(row, name, "is not a known column");
    }

    /** Reads up to the next line feed; false at the end of the input. */
    private boolean readLine() {
        length = 0;
        boolean any = false;
        while (true) {
            if (position == limit && !fill()) {
                return any;
            }
            any = true;
            byte b = buffer[position++];
            if (b == '\n') {
                return true;
            }
            if (length == maxRecordBytes) {
                throw UnreadableFile.at(
                        row + 1,
                        new RecordBounds.RecordTooLong(),
                        UploadFormat.NDJSON,
                        maxRecordBytes);
            }
            if (length == line.length) {
                line = Arrays.copyOf(line, Math.min(line.length * 2, maxRecordBytes));
            }
            line[length++] = b;
        }
    }

    private boolean fill() {
        try {
            int n = in.read(buffer);
            position = 0;
            limit = Math.max(n, 0);
            return n > 0;
        } catch (IOException e) {
            throw UnreadableFile.at(row + 1, e, UploadFormat.NDJSON, maxRecordBytes);
        }
    }

    private boolean startsWithBom() {
        return length >= 3
                && (line[0] & 0xff) == 0xEF
                && (line[1] & 0xff) == 0xBB
                && (line[2] & 0xff) == 0xBF;
    }

    private boolean blank(int start) {
        for (int i = start; i < length; i++) {
            if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
