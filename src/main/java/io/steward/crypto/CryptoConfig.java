package io.steward.crypto;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Where the root key comes from. Exactly one of the keyset file or the KMS URI is expected. */
@ConfigMapping(prefix = "steward.crypto")
public interface CryptoConfig {

    /** Path of a Tink JSON keyset used as the root key ({@code STEWARD_CRYPTO_MASTER_KEYSET}). */
    Optional<String> masterKeyset();

    /** A Tink KMS key URI such as {@code gcp-kms://…} ({@code STEWARD_CRYPTO_KMS_URI}). */
    Optional<String> kmsUri();

    /**
     * Path of the append-only destruction ledger kept outside the database ({@code
     * STEWARD_CRYPTO_DESTRUCTION_LEDGER}); see {@link DestructionLedger}.
     */
    Optional<String> destructionLedger();

    /** Whether a throwaway in-memory root key may be made when none is configured (dev only). */
    @WithDefault("false")
    boolean allowThrowawayKeyset();
}
