package io.steward.organizations;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new organization. */
public record OrganizationRequest(
        @NotBlank
                @Size(max = 40)
                @Pattern(
                        regexp = "[A-Za-z0-9][A-Za-z0-9._-]*",
                        message = "must be letters, digits, '.', '_' or '-'")
                String code,
        @NotBlank @Size(max = 200) String name,
        @NotNull OrganizationType type) {}
