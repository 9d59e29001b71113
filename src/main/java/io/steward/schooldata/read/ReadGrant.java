package io.steward.schooldata.read;

import io.steward.consent.Consent;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Why a caller may read a youth's academic records, and so which ones and on which basis the answer
 * is disclosed: a linked guardian reads all; a source district's steward all of its district's; a
 * case manager the categories of the active consents naming its organization.
 */
record ReadGrant(
        Kind kind, String role, String recipientCode, List<Consent> consents, UUID districtId) {

    enum Kind {
        GUARDIAN,
        DISTRICT,
        CONSENT
    }

    /** The categories the grant reaches, or null for all. */
    Set<String> categories() {
        if (kind != Kind.CONSENT) {
            return null;
        }
        return consents.stream()
                .flatMap(c -> c.dataCategories().stream())
                .map(Enum::name)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
