package io.steward.imports.file;

/**
 * Finds where records end in an upload by looking at bytes only, without decoding or parsing: for
 * CSV a line break outside a quoted field (RFC 4180: a quote opens a quoted field only at the start
 * of a field, and a doubled quote inside one is a quote), for NDJSON a line feed. Records holding
 * nothing but line breaks (CSV) or white space (NDJSON) are blank: they are skipped and not
 * counted, as the parsers skip them. It also caps the length of one record, so that a broken quote
 * cannot make a parser buffer the rest of a file.
 *
 * <p>For CSV it can also tell where a quote stands inside a field that does not begin with one
 * ({@code Mi"d}): RFC 4180 does not allow that, but the CSV parser takes the quote as text. The
 * parser gives values, not how they were written, so the reader of the rows asks here.
 */
public final class RecordBounds {

    /** Told of the first quote inside an unquoted field of a record. */
    public interface BareQuotes {
        /**
         * @param record the record, counted as {@link #records()} counts them from 1 (a CSV header
         *     is record 1)
         * @param field the field's position in the record, from 0
         */
        void found(long record, int field);
    }

    private static final int START = 0;
    private static final int FIELD_START = 1;
    private static final int UNQUOTED = 2;
    private static final int QUOTED = 3;
    private static final int QUOTE_IN_QUOTED = 4;
    private static final int[] BOM = {0xEF, 0xBB, 0xBF};

    private final boolean csv;
    private final int maxBytes;
    private int state = START;
    private int length;
    private boolean content;
    private long records;
    private int position;
    private int field;
    private boolean bareQuote;
    private final BareQuotes bareQuotes;

    public RecordBounds(UploadFormat format, int maxBytes) {
        this(format, maxBytes, null);
    }

    /** Bounds that also tell {@code bareQuotes} of quotes inside unquoted CSV fields. */
    public RecordBounds(UploadFormat format, int maxBytes, BareQuotes bareQuotes) {
        this.csv = format == UploadFormat.CSV;
        this.maxBytes = maxBytes;
        this.bareQuotes = bareQuotes;
    }

    /** Thrown when one record is longer than the cap. */
    public static final class RecordTooLong extends java.io.IOException {
        RecordTooLong() {
            super("record too long", null);
        }
    }

    /** Takes the next byte; true when it ends a non-blank record. */
    public boolean accept(int b) throws RecordTooLong {
        int unsigned = b & 0xff;
        if (position < BOM.length) {
            // A UTF-8 byte order mark at the very start is not part of the first record.
            if (unsigned == BOM[position]) {
                position++;
                return false;
            }
            position = BOM.length;
        }
        return csv ? csv(unsigned) : ndjson(unsigned);
    }

    /** At the end of the input: true when a last record had no line break after it. */
    public boolean finish() {
        boolean last = content;
        if (last) {
            records++;
        }
        reset();
        return last;
    }

    /** Non-blank records ended so far. */
    public long records() {
        return records;
    }

    private boolean csv(int b) throws RecordTooLong {
        if ((b == '\n' || b == '\r') && state != QUOTED) {
            return endRecord();
        }
        grow();
        content = true;
        if (b == '"') {
            if (state == UNQUOTED && !bareQuote && bareQuotes != null) {
                bareQuote = true;
                bareQuotes.found(records + 1, field);
            }
            state =
                    switch (state) {
                        case START, FIELD_START, QUOTE_IN_QUOTED -> QUOTED;
                        case QUOTED -> QUOTE_IN_QUOTED;
                        default -> state;
                    };
        } else if (b == ',') {
            if (state != QUOTED) {
                field++;
            }
            state = state == QUOTED ? QUOTED : FIELD_START;
        } else if (state != QUOTED) {
            state = UNQUOTED;
        }
        return false;
    }

    private boolean ndjson(int b) throws RecordTooLong {
        if (b == '\n') {
            return endRecord();
        }
        grow();
        if (b != ' ' && b != '\t' && b != '\r') {
            content = true;
        }
        return false;
    }

    private void grow() throws RecordTooLong {
        if (++length > maxBytes) {
            throw new RecordTooLong();
        }
    }

    private boolean endRecord() {
        boolean ended = content;
        if (ended) {
            records++;
        }
        reset();
        return ended;
    }

    private void reset() {
        state = START;
        length = 0;
        content = false;
        field = 0;
        bareQuote = false;
    }
}
