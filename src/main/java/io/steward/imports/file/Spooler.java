package io.steward.imports.file;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import io.steward.common.ApiException;
import io.steward.common.FieldError;
import io.steward.common.Idempotency;
import io.steward.common.ProblemKind;
import io.steward.imports.ImportConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Receives an upload: streams it to a sealed spool file while hashing it and counting its rows, and
 * checks what can be checked without a database (size, row count, CSV header). Memory stays flat:
 * only one buffer and the header row are held.
 */
@ApplicationScoped
public class Spooler {

    private static final Logger LOG = Logger.getLogger(Spooler.class);

    static {
        try {
            StreamingAeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Inject ImportConfig config;

    /** Files this instance made and has not deleted: being received, or waiting for a job. */
    private final Set<Path> held = ConcurrentHashMap.newKeySet();

    @ConfigProperty(name = "steward.http.max-upload-bytes", defaultValue = "536870912")
    long maxBytes;

    public Spool receive(InputStream body, UploadFormat format) {
        Path file = newFile();
        try {
            Received received = write(body, format, file);
            check(received, format);
            return received.spool();
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    private record Received(Spool spool, byte[] header) {}

    private Received write(InputStream body, UploadFormat format, Path file) {
        RecordBounds bounds = new RecordBounds(format, config.maxRowBytes());
        MessageDigest digest = Idempotency.digest();
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        byte[] associatedData =
                ("steward/import-spool/" + file.getFileName()).getBytes(StandardCharsets.UTF_8);
        StreamingAead aead = newKey();
        long total = 0;
        try (OutputStream out =
                aead.newEncryptingStream(Files.newOutputStream(file), associatedData)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = body.read(buffer)) != -1; ) {
                total += n;
                if (total > maxBytes) {
                    throw ApiException.of(
                            ProblemKind.PAYLOAD_TOO_LARGE,
                            "The body is larger than " + maxBytes + " bytes.");
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
                for (int i = 0; i < n; i++) {
                    if (format == UploadFormat.CSV && bounds.records() == 0) {
                        header.write(buffer[i]);
                    }
                    bounds.accept(buffer[i]);
                }
            }
            bounds.finish();
        } catch (RecordBounds.RecordTooLong e) {
            long row = bounds.records() + (format == UploadFormat.CSV ? 0 : 1);
            throw ApiException.invalid(
                    List.of(
                            FieldError.cell(
                                    row,
                                    null,
                                    "is longer than " + config.maxRowBytes() + " bytes")));
        } catch (IOException | GeneralSecurityException e) {
            throw ApiException.of(ProblemKind.MALFORMED_BODY, "The upload could not be read.");
        }
        long rows = bounds.records() - (format == UploadFormat.CSV ? 1 : 0);
        Spool spool =
                new Spool(file, aead, associatedData, digest.digest(), rows, format, held::remove);
        return new Received(spool, header.toByteArray());
    }

    private void check(Received received, UploadFormat format) {
        Spool spool = received.spool();
        if (spool.rows() < 1) {
            throw ApiException.invalid("body", "has no data rows");
        }
        if (spool.rows() > config.maxRows()) {
            throw ApiException.of(
                    ProblemKind.PAYLOAD_TOO_LARGE,
                    "The file has more than " + config.maxRows() + " data rows.");
        }
        if (format == UploadFormat.CSV) {
            CsvHeader.Result header =
                    CsvHeader.read(headerNames(received.header()), config.maxErrors());
            if (!header.errors().isEmpty()) {
                throw ApiException.invalid(
                        header.errors().stream()
                                .map(e -> FieldError.cell(e.row(), e.column(), e.message()))
                                .toList(),
                        header.errorCount());
            }
        }
    }

    private List<String> headerNames(byte[] header) {
        try (var parser =
                CsvRows.FORMAT.parse(
                        CsvRows.reader(new ByteArrayInputStream(header), config.maxRowBytes()))) {
            CSVRecord record = parser.iterator().next();
            return Arrays.asList(record.values());
        } catch (IOException | RuntimeException e) {
            throw ApiException.invalid(
                    List.of(FieldError.cell(0, null, "is not a valid CSV header row")));
        }
    }

    private static StreamingAead newKey() {
        try {
            return KeysetHandle.generateNew(PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB)
                    .getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("STW-IMPORT-0012 no spool key");
        }
    }

    /** The directory of spool files. */
    public Path directory() {
        return config.spoolDir()
                .map(Path::of)
                .orElse(Path.of(System.getProperty("java.io.tmpdir"), "steward-imports"));
    }

    /**
     * Deletes the spool files that no one can use: not made by this instance, unchanged for {@code
     * idle} (so that a file another instance is still receiving into a shared directory is kept),
     * and not named in {@code live} (the files of jobs whose holder is alive). The live names are
     * read after the idle files are listed, so a file whose job became live in between is kept.
     * Returns how many were deleted.
     */
    public int sweep(Supplier<? extends Collection<String>> live, Duration idle) {
        Path dir = directory();
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        Instant before = Instant.now().minus(idle);
        List<Path> idleFiles = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "import-*.sealed")) {
            for (Path file : files) {
                if (!held.contains(file)
                        && Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
                    idleFiles.add(file);
                }
            }
            if (idleFiles.isEmpty()) {
                return 0;
            }
            Set<String> liveNames = Set.copyOf(live.get());
            int swept = 0;
            for (Path file : idleFiles) {
                if (!liveNames.contains(file.getFileName().toString())
                        && Files.deleteIfExists(file)) {
                    swept++;
                }
            }
            return swept;
        } catch (IOException e) {
            LOG.warnf("STW-IMPORT-0504 spool directory not swept: %s", e.getClass().getName());
            return 0;
        }
    }

    private Path newFile() {
        try {
            Files.createDirectories(directory());
            Path file =
                    Files.createTempFile(
                            directory(),
                            "import-",
                            ".sealed",
                            PosixFilePermissions.asFileAttribute(
                                    PosixFilePermissions.fromString("rw-------")));
            held.add(file);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("STW-IMPORT-0013 no spool file");
        }
    }

    private void delete(Path file) {
        try {
            Files.deleteIfExists(file);
            held.remove(file);
        } catch (IOException e) {
            // Left for the sweep of the spool directory.
            held.remove(file);
        }
    }
}
