package io.steward.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The master keyset: key-encryption keys kept in the database, wrapped by the root key. Data keys
 * are wrapped by its primary key; older keys stay in the keyset for decryption only, so rotating
 * makes a new primary without making any stored data key unreadable.
 */
@ApplicationScoped
public class MasterKeys {

    private static final Logger LOG = Logger.getLogger(MasterKeys.class);
    private static final byte[] AD = "steward/master-keyset".getBytes(StandardCharsets.UTF_8);

    @Inject CryptoConfig config;
    @Inject EntityManager em;

    private volatile Aead root;
    private volatile Aead master;
    private volatile int primaryKeyId;

    void start(@Observes StartupEvent event) throws GeneralSecurityException {
        root = RootKey.load(config);
        reload();
        LOG.infof("STW-CRYPTO-0010 master keyset loaded, primary key %d", primaryKeyId);
    }

    /** The AEAD that wraps and unwraps data keys. */
    public Aead aead() {
        return master;
    }

    public int primaryKeyId() {
        return primaryKeyId;
    }

    /** Reads the stored master keyset again, creating it on first use. */
    public synchronized void reload() throws GeneralSecurityException {
        byte[] stored = QuarkusTransaction.requiringNew().call(this::loadOrCreate);
        KeysetHandle handle = TinkProtoKeysetFormat.parseEncryptedKeyset(stored, root, AD);
        master = handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
        primaryKeyId = handle.getPrimary().getId();
    }

    /** Stores a keyset that replaces the current one; callers add keys, never remove them. */
    public synchronized void replace(KeysetHandle handle) throws GeneralSecurityException {
        byte[] wrapped = TinkProtoKeysetFormat.serializeEncryptedKeyset(handle, root, AD);
        QuarkusTransaction.requiringNew()
                .run(
                        () ->
                                em.createNativeQuery(
                                                "update master_keyset set keyset = ?1,"
                                                        + " version = version + 1,"
                                                        + " updated_at = now() where id = 1")
                                        .setParameter(1, wrapped)
                                        .executeUpdate());
        reload();
    }

    /** The current master keyset, for rotation. */
    public KeysetHandle handle() throws GeneralSecurityException {
        byte[] stored = QuarkusTransaction.requiringNew().call(this::loadOrCreate);
        return TinkProtoKeysetFormat.parseEncryptedKeyset(stored, root, AD);
    }

    private byte[] loadOrCreate() {
        byte[] existing = select();
        if (existing != null) {
            return existing;
        }
        try {
            KeysetHandle fresh = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            byte[] wrapped = TinkProtoKeysetFormat.serializeEncryptedKeyset(fresh, root, AD);
            em.createNativeQuery(
                            "insert into master_keyset (id, keyset, version, updated_at)"
                                    + " values (1, ?1, 1, now()) on conflict (id) do nothing")
                    .setParameter(1, wrapped)
                    .executeUpdate();
            em.createNativeQuery(
                            "insert into master_key (key_id, created_at) values (?1, now())"
                                    + " on conflict (key_id) do nothing")
                    .setParameter(1, (long) fresh.getPrimary().getId())
                    .executeUpdate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("STW-CRYPTO-0011 cannot create the master keyset", e);
        }
        return select();
    }

    private byte[] select() {
        @SuppressWarnings("unchecked")
        List<byte[]> rows =
                em.createNativeQuery("select keyset from master_keyset where id = 1")
                        .getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }
}
