package io.steward.schooldata.upload;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.steward.common.RepeatedProperty;
import io.steward.schooldata.AcademicRow;
import io.steward.schooldata.RowErrors;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Reads an NDJSON upload: one JSON object per line; blank lines are skipped but counted. */
final class NdjsonRows {

    private NdjsonRows() {}

    static List<AcademicRow> read(
            InputStream body, ObjectMapper mapper, RowValidator validator, RowErrors errors) {
        List<AcademicRow> rows = new ArrayList<>();
        try (BufferedReader reader = TextBodies.open(body)) {
            long row = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                row++;
                if (line.isBlank()) {
                    continue;
                }
                Map<String, Object> values = values(row, line, mapper, errors);
                if (values != null) {
                    AcademicRow parsed = validator.validate(row, values);
                    if (parsed != null) {
                        rows.add(parsed);
                    }
                }
            }
        } catch (IOException e) {
            throw TextBodies.unreadable("NDJSON");
        }
        return rows;
    }

    private static Map<String, Object> values(
            long row, String line, ObjectMapper mapper, RowErrors errors) {
        JsonNode node;
        try {
            node = mapper.readTree(line);
        } catch (JsonParseException e) {
            RepeatedProperty repeat = RepeatedProperty.of(e);
            if (repeat == null) {
                errors.add(row, "line", "is not a well-formed JSON object");
            } else if (repeat.name() == null) {
                errors.add(row, "line", "is not a JSON object");
            } else if (repeat.nested()) {
                errors.add(row, repeat.name(), "must be text, a number or a boolean");
            } else {
                errors.add(row, repeat.name(), "must be given only once");
            }
            return null;
        } catch (JsonProcessingException e) {
            errors.add(row, "line", "is not a well-formed JSON object");
            return null;
        }
        if (node == null || !node.isObject()) {
            errors.add(row, "line", "is not a JSON object");
            return null;
        }
        Map<String, Object> values = new HashMap<>();
        boolean ok = true;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (value.isTextual()) {
                values.put(field.getKey(), value.textValue());
            } else if (value.isNumber()) {
                values.put(field.getKey(), value.decimalValue());
            } else if (value.isBoolean()) {
                values.put(field.getKey(), value.booleanValue());
            } else if (!value.isNull()) {
                errors.add(row, field.getKey(), "must be text, a number or a boolean");
                ok = false;
            }
        }
        return ok ? values : null;
    }
}
