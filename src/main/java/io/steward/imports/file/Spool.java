package io.steward.imports.file;

import com.google.crypto.tink.StreamingAead;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.function.Consumer;

/**
 * An upload kept on local disk until its job has run, sealed with a streaming AEAD key that exists
 * only in this process's memory: the file is never readable at rest, and a restart leaves nothing
 * that can be decrypted.
 */
public final class Spool {

    private final Path file;
    private final StreamingAead aead;
    private final byte[] associatedData;
    private final byte[] sha256;
    private final long rows;
    private final UploadFormat format;
    private final Consumer<Path> deleted;

    Spool(
            Path file,
            StreamingAead aead,
            byte[] associatedData,
            byte[] sha256,
            long rows,
            UploadFormat format,
            Consumer<Path> deleted) {
        this.file = file;
        this.aead = aead;
        this.associatedData = associatedData;
        this.sha256 = sha256;
        this.rows = rows;
        this.format = format;
        this.deleted = deleted;
    }

    /** The file's name in the spool directory (random, names nothing about the upload). */
    public String name() {
        return file.getFileName().toString();
    }

    /** SHA-256 of the bytes as uploaded. */
    public byte[] sha256() {
        return sha256.clone();
    }

    /** Data rows found while receiving (blank lines and the CSV header not counted). */
    public long rows() {
        return rows;
    }

    public UploadFormat format() {
        return format;
    }

    /** The bytes as uploaded, decrypted as they are read. */
    public InputStream open() throws IOException {
        try {
            return aead.newDecryptingStream(Files.newInputStream(file), associatedData);
        } catch (GeneralSecurityException e) {
            throw new IOException("STW-IMPORT-0010 spool not readable");
        }
    }

    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("STW-IMPORT-0011 spool not deleted", e);
        } finally {
            deleted.accept(file);
        }
    }
}
