package io.steward.crypto;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.context.api.ManagedExecutorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.jboss.logging.Logger;

/**
 * Rotates the master key: a new key joins the master keyset as primary (old keys stay for
 * decryption only), then every data key is re-wrapped under it in the background, in small batches,
 * so data stays readable throughout.
 */
@ApplicationScoped
public class KeyRotation {

    private static final Logger LOG = Logger.getLogger(KeyRotation.class);
    private static final int BATCH = 200;

    @Inject MasterKeys master;
    @Inject EntityManager em;

    /**
     * Runs the re-wrap without the request's transaction: an executor that carried it over would
     * keep the transaction open on a second thread while the request commits it.
     */
    @Inject
    @ManagedExecutorConfig(cleared = ThreadContext.TRANSACTION)
    ManagedExecutor executor;

    /** Makes a new primary master key and starts re-wrapping; returns the new key's id. */
    public RotationView rotate() throws GeneralSecurityException {
        int previous = master.primaryKeyId();
        KeysetHandle current = master.handle();
        KeysetHandle rotated =
                KeysetHandle.newBuilder(current)
                        .addEntry(
                                KeysetHandle.generateEntryFromParameters(
                                                PredefinedAeadParameters.AES256_GCM)
                                        .withRandomId()
                                        .makePrimary())
                        .build();
        master.replace(rotated);
        int primary = master.primaryKeyId();
        QuarkusTransaction.requiringNew()
                .run(
                        () -> {
                            em.createNativeQuery(
                                            "update master_key set retired_at = now()"
                                                    + " where retired_at is null")
                                    .executeUpdate();
                            em.createNativeQuery(
                                            "insert into master_key (key_id, created_at)"
                                                    + " values (?1, now())")
                                    .setParameter(1, (long) primary)
                                    .executeUpdate();
                        });
        long pending = pending(primary);
        executor.runAsync(() -> rewrapAll(primary));
        LOG.infof(
                "STW-CRYPTO-0040 master key rotated to %d, %d data keys to re-wrap",
                primary, pending);
        return new RotationView(primary, previous, pending);
    }

    /** Number of live data keys not yet wrapped by the given master key. */
    public long pending(int primary) {
        return QuarkusTransaction.requiringNew()
                .call(
                        () ->
                                ((Number)
                                                em.createNativeQuery(
                                                                "select count(*) from data_key"
                                                                        + " where destroyed_at is"
                                                                        + " null and"
                                                                        + " master_key_id <> ?1")
                                                        .setParameter(1, (long) primary)
                                                        .getSingleResult())
                                        .longValue());
    }

    /** Re-wraps data keys batch by batch until none is left under an older master key. */
    void rewrapAll(int primary) {
        int done = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> rewrapBatch(primary));
            done += batch;
        } while (batch == BATCH);
        LOG.infof("STW-CRYPTO-0041 re-wrapped %d data keys under master key %d", done, primary);
    }

    private int rewrapBatch(int primary) throws GeneralSecurityException {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(
                                "select id, wrapped from data_key where destroyed_at is null"
                                        + " and master_key_id <> ?1 limit ?2 for update"
                                        + " skip locked")
                        .setParameter(1, (long) primary)
                        .setParameter(2, BATCH)
                        .getResultList();
        for (Object[] row : rows) {
            UUID id = (UUID) row[0];
            byte[] ad = DataKeys.ad(id);
            KeysetHandle key =
                    TinkProtoKeysetFormat.parseEncryptedKeyset((byte[]) row[1], master.aead(), ad);
            byte[] wrapped = TinkProtoKeysetFormat.serializeEncryptedKeyset(key, master.aead(), ad);
            em.createNativeQuery(
                            "update data_key set wrapped = ?1, master_key_id = ?2 where id = ?3")
                    .setParameter(1, wrapped)
                    .setParameter(2, (long) primary)
                    .setParameter(3, id)
                    .executeUpdate();
        }
        return rows.size();
    }
}
