package io.steward.crypto;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The associated data that binds a ciphertext to its table, column and row. */
public record FieldContext(String table, String column, UUID rowId) {

    public static FieldContext of(String table, String column, UUID rowId) {
        return new FieldContext(table, column, rowId);
    }

    byte[] bytes() {
        return (table + "/" + column + "/" + rowId).getBytes(StandardCharsets.UTF_8);
    }
}
