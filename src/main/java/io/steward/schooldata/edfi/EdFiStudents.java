package io.steward.schooldata.edfi;

import io.steward.schooldata.RowErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** InterchangeStudent: only each Student's StudentUniqueId is read; nothing else is kept. */
final class EdFiStudents implements EdFiReader.Interchange {

    static final String ID = "StudentUniqueId";

    private final RowErrors errors;
    final List<String> ids = new ArrayList<>();

    EdFiStudents(RowErrors errors) {
        this.errors = errors;
    }

    @Override
    public Set<String> elements() {
        return Set.of("Student");
    }

    @Override
    public Set<String> paths() {
        return Set.of(ID);
    }

    @Override
    public void accept(EdFiElement element) {
        String id = element.first(ID);
        if (id == null || id.isEmpty() || id.length() > 64) {
            errors.add(element.ordinal(), ID, "is required, at most 64 characters");
            return;
        }
        ids.add(id);
    }
}
