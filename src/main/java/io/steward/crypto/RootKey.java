package io.steward.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.KmsClients;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PrfConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import org.jboss.logging.Logger;

/**
 * The root of the key hierarchy, held outside the database: a KMS key, or a Tink JSON keyset file
 * mounted from a secret. It only ever wraps the master keyset stored in the database.
 */
final class RootKey {

    static final String MISSING =
            "STW-CRYPTO-0001 no master key configured: set STEWARD_CRYPTO_MASTER_KEYSET (path of a"
                    + " Tink JSON keyset) or STEWARD_CRYPTO_KMS_URI (a Tink KMS key URI)";
    private static final Logger LOG = Logger.getLogger(RootKey.class);

    private RootKey() {}

    static Aead load(CryptoConfig config) throws GeneralSecurityException {
        AeadConfig.register();
        PrfConfig.register();
        if (config.kmsUri().filter(s -> !s.isBlank()).isPresent()) {
            String uri = config.kmsUri().get();
            try {
                return KmsClients.get(uri).getAead(uri);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(
                        "STW-CRYPTO-0002 no KMS client is available for STEWARD_CRYPTO_KMS_URI;"
                                + " add the Tink KMS extension for its scheme",
                        e);
            }
        }
        if (config.masterKeyset().filter(s -> !s.isBlank()).isPresent()) {
            return fromFile(Path.of(config.masterKeyset().get()));
        }
        if (config.allowThrowawayKeyset()) {
            LOG.warn("STW-CRYPTO-0003 using a throwaway root key: data will not survive a restart");
            return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)
                    .getPrimitive(RegistryConfiguration.get(), Aead.class);
        }
        throw new IllegalStateException(MISSING);
    }

    private static Aead fromFile(Path path) throws GeneralSecurityException {
        String json;
        try {
            json = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "STW-CRYPTO-0004 cannot read the keyset named by STEWARD_CRYPTO_MASTER_KEYSET");
        }
        KeysetHandle handle =
                TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
        return handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
    }
}
