package io.steward.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfSet;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Data keys: one Tink keyset per scope and purpose (for example the AEAD key of the participant
 * records, the PRF key of the blind index, or the AEAD key of one agreement's academic records).
 * Each is stored wrapped by the master keyset with associated data {@code steward/data-key/<id>}.
 * Destroying a data key removes its wrapped bytes, which crypto-erases everything under it.
 */
@ApplicationScoped
public class DataKeys {

    /** How long an unwrapped key may be served from memory before its row is checked again. */
    private static final long CACHE_MILLIS = 60_000;

    public enum Purpose {
        AEAD,
        PRF
    }

    private record Cached(Object primitive, long loadedAt) {}

    @Inject EntityManager em;
    @Inject MasterKeys master;
    @Inject DestructionLedger ledger;

    private final Map<String, UUID> current = new ConcurrentHashMap<>();
    private final Map<UUID, Cached> unwrapped = new ConcurrentHashMap<>();

    /** The id of the active key of a scope and purpose, created on first use. */
    public UUID currentId(String scope, Purpose purpose) {
        return current.computeIfAbsent(
                scope + "#" + purpose,
                k -> QuarkusTransaction.requiringNew().call(() -> findOrCreate(scope, purpose)));
    }

    public Aead aead(UUID id) {
        return (Aead) primitive(id, Purpose.AEAD);
    }

    public PrfSet prf(String scope) {
        return (PrfSet) primitive(currentId(scope, Purpose.PRF), Purpose.PRF);
    }

    /**
     * Destroys every key of a scope. Returns the ids destroyed, for the destruction certificate.
     * Must run inside the caller's transaction so the rows and the keys go together.
     */
    @SuppressWarnings("unchecked")
    public List<UUID> destroyScope(String scope) {
        List<UUID> ids =
                em.createNativeQuery(
                                "update data_key set wrapped = null, destroyed_at = now()"
                                        + " where scope = ?1 and destroyed_at is null"
                                        + " returning id",
                                UUID.class)
                        .setParameter(1, scope)
                        .getResultList();
        current.keySet().removeIf(k -> k.startsWith(scope + "#"));
        ids.forEach(unwrapped::remove);
        ledger.recordAfterCommit(scope, ids);
        return ids;
    }

    /** Forgets every unwrapped key, so the next use reads and unwraps it again. */
    void evictAll() {
        unwrapped.clear();
    }

    private Object primitive(UUID id, Purpose purpose) {
        Cached cached = unwrapped.get(id);
        long now = System.currentTimeMillis();
        if (cached != null && now - cached.loadedAt() < CACHE_MILLIS) {
            return cached.primitive();
        }
        Object fresh = QuarkusTransaction.requiringNew().call(() -> unwrap(id, purpose));
        unwrapped.put(id, new Cached(fresh, now));
        return fresh;
    }

    private Object unwrap(UUID id, Purpose purpose) throws GeneralSecurityException {
        @SuppressWarnings("unchecked")
        List<byte[]> rows =
                em.createNativeQuery("select wrapped from data_key where id = ?1")
                        .setParameter(1, id)
                        .getResultList();
        if (rows.isEmpty() || rows.get(0) == null) {
            throw new KeyDestroyedException();
        }
        KeysetHandle handle;
        try {
            handle = TinkProtoKeysetFormat.parseEncryptedKeyset(rows.get(0), master.aead(), ad(id));
        } catch (GeneralSecurityException e) {
            // Another replica may have rotated the master keyset since we loaded it.
            master.reload();
            handle = TinkProtoKeysetFormat.parseEncryptedKeyset(rows.get(0), master.aead(), ad(id));
        }
        Class<?> type = purpose == Purpose.AEAD ? Aead.class : PrfSet.class;
        return handle.getPrimitive(RegistryConfiguration.get(), type);
    }

    private UUID findOrCreate(String scope, Purpose purpose) throws GeneralSecurityException {
        UUID existing = find(scope, purpose);
        if (existing != null) {
            return existing;
        }
        UUID id = UUID.randomUUID();
        Parameters parameters =
                purpose == Purpose.AEAD
                        ? PredefinedAeadParameters.AES256_GCM
                        : PredefinedPrfParameters.HMAC_SHA256_PRF;
        KeysetHandle handle = KeysetHandle.generateNew(parameters);
        byte[] wrapped =
                TinkProtoKeysetFormat.serializeEncryptedKeyset(handle, master.aead(), ad(id));
        em.createNativeQuery(
                        "insert into data_key (id, scope, purpose, wrapped, master_key_id,"
                                + " created_at) values (?1, ?2, ?3, ?4, ?5, now())"
                                + " on conflict do nothing")
                .setParameter(1, id)
                .setParameter(2, scope)
                .setParameter(3, purpose.name())
                .setParameter(4, wrapped)
                .setParameter(5, (long) master.primaryKeyId())
                .executeUpdate();
        return find(scope, purpose);
    }

    private UUID find(String scope, Purpose purpose) {
        @SuppressWarnings("unchecked")
        List<UUID> ids =
                em.createNativeQuery(
                                "select id from data_key where scope = ?1 and purpose = ?2"
                                        + " and destroyed_at is null",
                                UUID.class)
                        .setParameter(1, scope)
                        .setParameter(2, purpose.name())
                        .getResultList();
        return ids.isEmpty() ? null : ids.get(0);
    }

    static byte[] ad(UUID id) {
        return ("steward/data-key/" + id).getBytes(StandardCharsets.UTF_8);
    }
}
