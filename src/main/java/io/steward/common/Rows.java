package io.steward.common;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Column values of native query rows, whichever JDBC or java.time type the driver hands back. */
public final class Rows {

    private Rows() {}

    public static LocalDate date(Object value) {
        if (value == null || value instanceof LocalDate) {
            return (LocalDate) value;
        }
        if (value instanceof java.sql.Date sql) {
            return sql.toLocalDate();
        }
        throw new IllegalStateException("not a date column");
    }

    public static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        throw new IllegalStateException("not a timestamp column");
    }

    public static UUID uuid(Object value) {
        return value == null || value instanceof UUID
                ? (UUID) value
                : UUID.fromString(value.toString());
    }

    public static String[] strings(Object value) {
        if (value == null) {
            return new String[0];
        }
        if (value instanceof String[] array) {
            return array;
        }
        if (value instanceof Object[] objects) {
            String[] out = new String[objects.length];
            for (int i = 0; i < objects.length; i++) {
                out[i] = objects[i] == null ? null : objects[i].toString();
            }
            return out;
        }
        if (value instanceof Array sql) {
            try {
                return strings(sql.getArray());
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read an array column");
            }
        }
        throw new IllegalStateException("not an array column");
    }

    public static int integer(Object value) {
        return ((Number) value).intValue();
    }
}
