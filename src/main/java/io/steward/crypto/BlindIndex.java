package io.steward.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * Keyed blind indexes (HMAC-SHA256 PRF under a data key of scope {@code blind-index}) for exact
 * lookups of encrypted values without decrypting any row. Callers normalize values first.
 */
@ApplicationScoped
public class BlindIndex {

    static final String SCOPE = "blind-index";

    @Inject DataKeys keys;

    /** The 32-byte index of the parts, joined unambiguously. */
    public byte[] of(String domain, String... parts) {
        StringBuilder input = new StringBuilder(domain);
        for (String part : parts) {
            input.append('\u0000').append(part.length()).append(':').append(part);
        }
        try {
            return keys.prf(SCOPE)
                    .computePrimary(input.toString().getBytes(StandardCharsets.UTF_8), 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("STW-CRYPTO-0030 blind index failed");
        }
    }
}
