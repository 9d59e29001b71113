package io.steward.tools.city;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

/** Paper consents as provider staff record them from a signed form. */
public final class Consents {

    public static final String PURPOSE =
            "Case management: plan support with the family using the youth's school records";

    private Consents() {}

    /**
     * A paper consent by the youth's primary guardian naming {@code provider} as recipient. The
     * evidence digest stands for the scanned form; it is derived from the youth and provider so the
     * same load records the same digest.
     */
    public static Consent paper(
            Youth youth,
            String provider,
            List<String> categories,
            LocalDate signedOn,
            LocalDate validUntil) {
        return new Consent(
                youth.key(),
                provider,
                youth.primaryGuardian(),
                provider,
                categories,
                PURPOSE,
                signedOn,
                signedOn,
                validUntil,
                "PAPER",
                sha256("consent-form/" + provider + "/" + youth.key()),
                "application/pdf");
    }

    static String sha256(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
