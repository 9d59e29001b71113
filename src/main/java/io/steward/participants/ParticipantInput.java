package io.steward.participants;

import io.steward.common.ApiException;
import io.steward.common.FieldError;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A youth as stored: text stripped of surrounding white space and invisible characters, names in
 * Unicode NFC (so composed and decomposed spellings are the same name), empty optional text as
 * absent. Building one checks what bean validation cannot: blank after normalization, the natural
 * key given whole, and a plausible birth date.
 */
public record ParticipantInput(
        String firstName,
        String lastName,
        LocalDate dateOfBirth,
        String gradeLevel,
        String districtCode,
        String districtStudentId,
        String schoolCode,
        List<GuardianInput> guardians) {

    public static final int NAME_MAX = 100;
    static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    /** White space, separators (such as no-break spaces) and invisible format characters. */
    private static final Pattern EDGES =
            Pattern.compile("^[\\s\\p{Z}\\p{Cf}]+|[\\s\\p{Z}\\p{Cf}]+$");

    /** A guardian as stored. */
    public record GuardianInput(String name, String relationship, String email, String phone) {}

    public boolean hasStudentKey() {
        return districtCode != null;
    }

    /** Normalizes a validated request; 400 naming every field that is still wrong. */
    public static ParticipantInput of(ParticipantRequest request) {
        List<FieldError> errors = new ArrayList<>();
        String first = name(request.firstName(), "firstName", NAME_MAX, errors);
        String last = name(request.lastName(), "lastName", NAME_MAX, errors);
        LocalDate birth = request.dateOfBirth();
        if (birth.isBefore(EARLIEST_BIRTH) || birth.isAfter(LocalDate.now(ZoneOffset.UTC))) {
            errors.add(FieldError.field("dateOfBirth", "must be a past date after 1900-01-01"));
        }
        String district = optional(request.districtCode());
        String studentId = optional(request.districtStudentId());
        if (district != null && studentId == null) {
            errors.add(FieldError.field("districtStudentId", "is required with districtCode"));
        }
        if (district == null && studentId != null) {
            errors.add(FieldError.field("districtCode", "is required with districtStudentId"));
        }
        List<GuardianInput> guardians = new ArrayList<>();
        for (int i = 0; i < request.guardians().size(); i++) {
            ParticipantRequest.GuardianRequest g = request.guardians().get(i);
            String prefix = "guardians[" + i + "].";
            guardians.add(
                    new GuardianInput(
                            name(g.name(), prefix + "name", 200, errors),
                            name(g.relationship(), prefix + "relationship", 40, errors),
                            optional(g.email()),
                            optional(g.phone())));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new ParticipantInput(
                first,
                last,
                birth,
                request.gradeLevel(),
                district,
                studentId,
                optional(request.schoolCode()),
                List.copyOf(guardians));
    }

    /** NFC-normalized and stripped; an error when that leaves it blank or too long. */
    static String name(String text, String field, int max, List<FieldError> errors) {
        String normalized = strip(Normalizer.normalize(text, Normalizer.Form.NFC));
        if (normalized.isEmpty()) {
            errors.add(FieldError.field(field, "must not be blank"));
        } else if (normalized.length() > max) {
            errors.add(FieldError.field(field, "must be at most " + max + " characters"));
        }
        return normalized;
    }

    static String optional(String text) {
        if (text == null) {
            return null;
        }
        String stripped = strip(text);
        return stripped.isEmpty() ? null : stripped;
    }

    static String strip(String text) {
        return EDGES.matcher(text).replaceAll("");
    }
}
