package io.steward.support;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Map;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;

/**
 * Keys made at test time, never committed: the realm's RSA signing key (public half published as a
 * JWKS file, as Keycloak would) and the Tink root keyset. Both live under target/test-keys.
 */
@QuarkusTestResource(TestKeys.class)
public class TestKeys implements QuarkusTestResourceLifecycleManager {

    public static final Path DIR = Path.of("target", "test-keys");
    public static final String KEY_ID = "test-realm-key";
    static final Path PRIVATE_JWK = DIR.resolve("realm-private.json");

    @Override
    public Map<String, String> start() {
        ensure();
        return Map.of();
    }

    @Override
    public void stop() {}

    /** Creates the keys once per build directory. */
    public static synchronized void ensure() {
        try {
            Files.createDirectories(DIR);
            if (!Files.exists(PRIVATE_JWK)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                RsaJsonWebKey jwk =
                        new RsaJsonWebKey((java.security.interfaces.RSAPublicKey) pair.getPublic());
                jwk.setPrivateKey(pair.getPrivate());
                jwk.setKeyId(KEY_ID);
                jwk.setAlgorithm("RS256");
                jwk.setUse("sig");
                Files.writeString(DIR.resolve("jwks.json"), new JsonWebKeySet(jwk).toJson());
                Files.writeString(
                        PRIVATE_JWK,
                        jwk.toJson(org.jose4j.jwk.JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
            }
            Path master = DIR.resolve("master.json");
            if (!Files.exists(master)) {
                AeadConfig.register();
                KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
                Files.writeString(
                        master,
                        TinkJsonProtoKeysetFormat.serializeKeyset(
                                handle, InsecureSecretKeyAccess.get()));
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create test keys", e);
        }
    }
}
