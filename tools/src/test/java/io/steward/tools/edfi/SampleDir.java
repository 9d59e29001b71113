package io.steward.tools.edfi;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds {@code shared/data/edfi-grand-bend} beside the project, walking up from here. */
final class SampleDir {

    private SampleDir() {}

    static Path grandBend() {
        String configured = System.getenv("STEWARD_EDFI_DIR");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data/edfi-grand-bend");
            if (Files.isRegularFile(candidate.resolve("Student.xml"))) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "the Grand Bend sample is not beside the project (../shared/data/edfi-grand-bend)");
    }
}
