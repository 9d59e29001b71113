package io.steward.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Ed-Fi "Grand Bend" sample, read in place from {@code shared/data/edfi-grand-bend} beside the
 * project (or beside a parent of it, for a checkout in a subfolder); never copied.
 */
public final class EdFiSample {

    /** The Ed-Fi LEA id of the sample district. */
    public static final String DISTRICT = "255901";

    private EdFiSample() {}

    public static Path dir() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            Path candidate = p.resolveSibling("shared").resolve("data").resolve("edfi-grand-bend");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "the Ed-Fi sample is missing: expected ../shared/data/edfi-grand-bend");
    }

    public static byte[] read(String file) {
        try {
            return Files.readAllBytes(dir().resolve(file));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the Ed-Fi sample file " + file, e);
        }
    }
}
