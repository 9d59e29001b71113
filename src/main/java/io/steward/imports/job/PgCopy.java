package io.steward.imports.job;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams rows to PostgreSQL with {@code COPY ... FROM STDIN (FORMAT binary)}: no text escaping, no
 * per-row statements. Rows are buffered up to 256 KiB and sent while the caller prepares more, so
 * the database works in parallel with this thread. The buffer stays under half a G1 region (a
 * larger one is a humongous allocation, each of which costs a collection cycle), and a caller that
 * copies often may hand the buffer of one copy to the next ({@link #buffer()}).
 *
 * <p>Binary layout: an 11-byte signature, flags and extension length (int32 each), then per row the
 * field count (int16) and per field its length (int32, -1 for null) and bytes; uuid as 16 bytes,
 * date as int32 days since 2000-01-01, text as UTF-8; a trailer of int16 -1.
 */
final class PgCopy implements AutoCloseable {

    private static final byte[] SIGNATURE = {
        'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0
    };
    private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final long POSTGRES_EPOCH_MICROS = POSTGRES_EPOCH_DAY * 86_400_000_000L;
    private static final int FLUSH_AT = 1 << 18;

    private final CopyIn copy;
    private ByteBuffer buffer;
    private boolean ended;

    private PgCopy(CopyIn copy, ByteBuffer buffer) {
        this.copy = copy;
        this.buffer = buffer == null ? newBuffer() : buffer.clear();
        this.buffer.put(SIGNATURE).putInt(0).putInt(0);
    }

    static PgCopy start(Connection connection, String copySql) throws SQLException {
        return start(connection, copySql, null);
    }

    /** Starts a copy that fills the given buffer (from {@link #buffer()}), or a new one if null. */
    static PgCopy start(Connection connection, String copySql, ByteBuffer buffer)
            throws SQLException {
        return new PgCopy(
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql), buffer);
    }

    static ByteBuffer newBuffer() {
        return ByteBuffer.allocate(FLUSH_AT + (1 << 16));
    }

    /** This copy's buffer, for the next copy once this one has ended. */
    ByteBuffer buffer() {
        return buffer;
    }

    PgCopy row(int fields) throws SQLException {
        if (buffer.position() >= FLUSH_AT) {
            flush();
        }
        room(2);
        buffer.putShort((short) fields);
        return this;
    }

    PgCopy uuid(UUID value) {
        if (value == null) {
            return nul();
        }
        room(20);
        buffer.putInt(16)
                .putLong(value.getMostSignificantBits())
                .putLong(value.getLeastSignificantBits());
        return this;
    }

    PgCopy int8(long value) {
        room(12);
        buffer.putInt(8).putLong(value);
        return this;
    }

    PgCopy bytes(byte[] value) {
        if (value == null) {
            return nul();
        }
        room(4 + value.length);
        buffer.putInt(value.length).put(value);
        return this;
    }

    PgCopy text(String value) {
        return value == null ? nul() : bytes(value.getBytes(StandardCharsets.UTF_8));
    }

    PgCopy date(LocalDate value) {
        if (value == null) {
            return nul();
        }
        room(8);
        buffer.putInt(4).putInt((int) (value.toEpochDay() - POSTGRES_EPOCH_DAY));
        return this;
    }

    PgCopy int4(int value) {
        room(8);
        buffer.putInt(4).putInt(value);
        return this;
    }

    PgCopy timestamp(Instant value) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, value) - POSTGRES_EPOCH_MICROS;
        room(12);
        buffer.putInt(8).putLong(micros);
        return this;
    }

    /** Sends the trailer and ends the copy; the number of rows the server took. */
    long finish() throws SQLException {
        room(2);
        buffer.putShort((short) -1);
        flush();
        ended = true;
        return copy.endCopy();
    }

    @Override
    public void close() throws SQLException {
        if (!ended && copy.isActive()) {
            copy.cancelCopy();
        }
    }

    private PgCopy nul() {
        room(4);
        buffer.putInt(-1);
        return this;
    }

    private void room(int bytes) {
        if (buffer.remaining() < bytes) {
            ByteBuffer bigger = ByteBuffer.allocate(buffer.capacity() * 2 + bytes);
            buffer.flip();
            bigger.put(buffer);
            buffer = bigger;
        }
    }

    private void flush() throws SQLException {
        copy.writeToCopy(buffer.array(), 0, buffer.position());
        buffer.clear();
    }
}
