package io.steward.tools.city;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes a city as the files people and scripts exchange: the enrollment import CSV of the
 * contract, academic records as NDJSON, and NDJSON or CSV for the rest.
 */
public final class CityWriter {

    /** The columns of {@code POST /imports/enrollments}, in the contract's order. */
    public static final List<String> IMPORT_COLUMNS =
            List.of(
                    "programId",
                    "firstName",
                    "lastName",
                    "dateOfBirth",
                    "gradeLevel",
                    "districtCode",
                    "districtStudentId",
                    "schoolCode",
                    "guardianName",
                    "guardianRelationship",
                    "guardianEmail",
                    "startDate");

    static final ObjectMapper JSON =
            new ObjectMapper()
                    .registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private CityWriter() {}

    /** Writes every part of the city into {@code dir}, program ids being the program keys. */
    public static void writeAll(City city, Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, Youth> youth = YouthIndex.of(city);
        ndjson(dir.resolve("organizations.ndjson"), city.organizations());
        ndjson(dir.resolve("programs.ndjson"), city.programs());
        ndjson(dir.resolve("youth.ndjson"), city.youth());
        try (Writer out = Files.newBufferedWriter(dir.resolve("enrollments.csv"))) {
            enrollmentCsv(city.enrollments(), youth, Function.identity(), out);
        }
        try (Writer out = Files.newBufferedWriter(dir.resolve("attendance.csv"))) {
            csvLine(out, List.of("programKey", "youthKey", "date", "minutes"));
            for (Attendance a : city.attendance()) {
                csvLine(
                        out,
                        List.of(
                                a.programKey(),
                                a.youthKey(),
                                a.date().toString(),
                                Integer.toString(a.minutes())));
            }
        }
        ndjson(dir.resolve("agreements.ndjson"), city.agreements());
        try (Writer out = Files.newBufferedWriter(dir.resolve("academic-records.ndjson"))) {
            academicRecords(city.schoolRecords(), out);
        }
        ndjson(dir.resolve("consents.ndjson"), city.consents());
    }

    /**
     * Enrollment rows in the import CSV format; {@code programId} maps a program key to the id the
     * service gave it. The guardian columns carry the primary guardian.
     */
    public static void enrollmentCsv(
            List<Enrollment> enrollments,
            Map<String, Youth> youth,
            Function<String, String> programId,
            Writer out)
            throws IOException {
        csvLine(out, IMPORT_COLUMNS);
        for (Enrollment e : enrollments) {
            Youth y = youth.get(e.youthKey());
            Guardian g = y.primaryGuardian();
            csvLine(
                    out,
                    List.of(
                            programId.apply(e.programKey()),
                            y.firstName(),
                            y.lastName(),
                            y.dateOfBirth().toString(),
                            y.gradeLevel(),
                            text(y.districtCode()),
                            text(y.districtStudentId()),
                            text(y.schoolCode()),
                            g == null ? "" : g.name(),
                            g == null ? "" : g.relationship(),
                            g == null ? "" : text(g.email()),
                            e.startDate().toString()));
        }
    }

    /** Academic records as NDJSON rows for {@code POST /agreements/{id}/academic-records}. */
    public static void academicRecords(List<SchoolRecord> records, Writer out) throws IOException {
        for (SchoolRecord r : records) {
            out.write(JSON.writeValueAsString(r.row()));
            out.write('\n');
        }
    }

    /** One CSV line, RFC 4180 quoting, CRLF ending. */
    public static void csvLine(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(cells.get(i)));
        }
        out.write("\r\n");
    }

    static String quote(String cell) {
        if (cell.contains(",")
                || cell.contains("\"")
                || cell.contains("\n")
                || cell.contains("\r")) {
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }

    private static String text(Object value) {
        return value == null ? "" : value instanceof LocalDate d ? d.toString() : value.toString();
    }

    private static void ndjson(Path file, List<?> items) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Object item : items) {
                out.write(JSON.writeValueAsString(item));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
