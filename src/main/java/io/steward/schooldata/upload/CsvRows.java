package io.steward.schooldata.upload;

import io.steward.schooldata.AcademicRow;
import io.steward.schooldata.RowErrors;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Reads a CSV upload: a header row naming the columns, then one record per row (RFC 4180 quoting,
 * CRLF or LF, optional UTF-8 BOM). Row numbers count data rows from 1; row 0 is the header.
 */
final class CsvRows {

    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true)
                    .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
                    .get();

    private CsvRows() {}

    static List<AcademicRow> read(InputStream body, RowValidator validator, RowErrors errors) {
        List<AcademicRow> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(TextBodies.open(body), FORMAT)) {
            List<String> header = parser.getHeaderNames();
            for (String column : RowValidator.REQUIRED) {
                if (!header.contains(column)) {
                    errors.add(0, column, "is a required column");
                }
            }
            errors.throwIfAny();
            long row = 0;
            for (CSVRecord record : parser) {
                row++;
                if (!record.isConsistent()) {
                    errors.add(row, "row", "must have as many cells as the header");
                    continue;
                }
                Map<String, Object> values = new HashMap<>(record.toMap());
                AcademicRow parsed = validator.validate(row, values);
                if (parsed != null) {
                    rows.add(parsed);
                }
            }
        } catch (UncheckedIOException | IOException e) {
            throw TextBodies.unreadable("CSV");
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw RowErrors.body("is not well-formed CSV with one header row of unique names");
        }
        return rows;
    }
}
