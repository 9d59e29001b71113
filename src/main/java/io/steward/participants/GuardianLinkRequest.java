package io.steward.participants;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Links a guardian's login (the token subject {@code sub}) to a youth. */
public record GuardianLinkRequest(
        @NotBlank
                @Size(max = 255)
                @Pattern(regexp = "\\S+", message = "must be a token subject without spaces")
                String subject) {}
