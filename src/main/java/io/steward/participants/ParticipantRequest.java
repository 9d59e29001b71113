package io.steward.participants;

import io.steward.common.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** A new youth. Codes and the student id may carry surrounding spaces, which are trimmed. */
public record ParticipantRequest(
        @NotBlank @Size(max = ParticipantInput.NAME_MAX) @Pattern(regexp = TEXT, message = NO_CTL)
                String firstName,
        @NotBlank @Size(max = ParticipantInput.NAME_MAX) @Pattern(regexp = TEXT, message = NO_CTL)
                String lastName,
        @NotNull LocalDate dateOfBirth,
        @NotNull @Pattern(regexp = GRADE, message = "must be one of PK, K, 1 to 12")
                String gradeLevel,
        @Size(max = 40) @Pattern(regexp = CODE, message = CODE_MESSAGE) String districtCode,
        @Size(max = 64) @Pattern(regexp = CODE, message = CODE_MESSAGE) String districtStudentId,
        @Size(max = 40) @Pattern(regexp = CODE, message = CODE_MESSAGE) String schoolCode,
        @NotNull @Size(max = 10) List<@Valid @NotNull GuardianRequest> guardians) {

    static final String GRADE = "PK|K|[1-9]|1[0-2]";
    static final String TEXT = Text.SINGLE_LINE;
    static final String NO_CTL = Text.NO_CONTROL;
    static final String CODE = "\\s*[A-Za-z0-9._-]*\\s*";
    static final String CODE_MESSAGE = "must be letters, digits, '.', '_' or '-'";

    /** A guardian as given on the youth's form. */
    public record GuardianRequest(
            @NotBlank @Size(max = 200) @Pattern(regexp = TEXT, message = NO_CTL) String name,
            @NotBlank @Size(max = 40) @Pattern(regexp = TEXT, message = NO_CTL) String relationship,
            @Size(max = 254) @Pattern(regexp = EMAIL, message = "must be an email address")
                    String email,
            @Size(max = 40) @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String phone) {

        static final String EMAIL =
                "\\s*[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+\\s*";
        static final String PHONE = "\\s*\\+?[0-9][0-9 ().-]{2,38}\\s*";
        static final String PHONE_MESSAGE = "must be a phone number: digits, spaces, + ( ) . -";
    }
}
