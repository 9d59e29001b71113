package io.steward.consent;

import io.steward.schooldata.DataCategory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** A signed consent form, as recorded by provider staff (paper) or granted by a guardian. */
public record ConsentRequest(
        @NotNull @Valid Grantor grantor,
        @NotBlank @Size(max = 40) String recipientCode,
        @NotEmpty List<@NotNull DataCategory> dataCategories,
        @NotBlank @Size(max = 500) String purpose,
        @NotNull LocalDate signedOn,
        @NotNull LocalDate validFrom,
        @NotNull LocalDate validUntil,
        @NotNull Method method,
        @NotNull @Valid Evidence evidence) {

    static final String TOKEN = "[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*";
    static final String MEDIA_TYPE = TOKEN + "/" + TOKEN;

    /** How the form was signed: on paper (recorded by staff) or electronically by the guardian. */
    public enum Method {
        PAPER,
        ELECTRONIC
    }

    /** The parent, guardian or eligible student who signed. */
    public record Grantor(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 60) String relationship) {}

    /** The SHA-256 of the signed form as kept by the recorder, and the form's media type. */
    public record Evidence(
            @NotBlank
                    @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be 64 hexadecimal digits")
                    String sha256,
            @NotBlank
                    @Size(max = 100)
                    @Pattern(
                            regexp = MEDIA_TYPE,
                            message = "must be a media type such as application/pdf")
                    String mediaType) {}
}
