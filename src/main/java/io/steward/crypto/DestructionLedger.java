package io.steward.crypto;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * A record of destroyed data keys kept outside the database, so that a restore from a backup taken
 * before a destruction cannot bring the keys back: at every start the ledger is read and any listed
 * key that is live again is destroyed once more.
 *
 * <p>One line per destroyed key: {@code <key id> <instant> <scope>}. Lines are appended after the
 * destroying transaction commits. Without a configured path the ledger is off and the service says
 * so at start.
 */
@ApplicationScoped
public class DestructionLedger {

    private static final Logger LOG = Logger.getLogger(DestructionLedger.class);

    @Inject CryptoConfig config;

    @Inject EntityManager em;
    @Inject TransactionSynchronizationRegistry transactions;

    /** Re-applies every recorded destruction; runs before requests are served. */
    void replay(@Observes @Priority(10) StartupEvent event) {
        List<UUID> ids = recorded();
        if (path().isEmpty()) {
            LOG.warn(
                    "STW-CRYPTO-0050 no destruction ledger configured"
                        + " (steward.crypto.destruction-ledger); restores cannot re-apply erasure");
            return;
        }
        int again = QuarkusTransaction.requiringNew().call(() -> destroyAgain(ids));
        LOG.infof(
                "STW-CRYPTO-0051 destruction ledger: %d keys listed, %d destroyed again",
                ids.size(), again);
    }

    /** Appends the keys to the ledger once the current transaction commits. */
    public void recordAfterCommit(String scope, List<UUID> keyIds) {
        if (path().isEmpty() || keyIds.isEmpty()) {
            return;
        }
        transactions.registerInterposedSynchronization(
                new Synchronization() {
                    @Override
                    public void beforeCompletion() {}

                    @Override
                    public void afterCompletion(int status) {
                        if (status == Status.STATUS_COMMITTED) {
                            append(scope, keyIds);
                        }
                    }
                });
    }

    List<UUID> recorded() {
        if (path().isEmpty() || !Files.exists(Path.of(path().get()))) {
            return List.of();
        }
        try {
            List<UUID> ids = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of(path().get()), StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    ids.add(UUID.fromString(line.split(" ", 2)[0]));
                }
            }
            return ids;
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("STW-CRYPTO-0052 the destruction ledger is unreadable");
        }
    }

    int destroyAgain(List<UUID> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createNativeQuery(
                        "update data_key set wrapped = null, destroyed_at = coalesce(destroyed_at,"
                                + " now()) where id = any(?1) and wrapped is not null")
                .setParameter(1, ids.toArray(new UUID[0]))
                .executeUpdate();
    }

    private Optional<String> path() {
        return config.destructionLedger().filter(p -> !p.isBlank());
    }

    private synchronized void append(String scope, List<UUID> keyIds) {
        StringBuilder lines = new StringBuilder();
        String at = Instant.now().toString();
        for (UUID id : keyIds) {
            lines.append(id).append(' ').append(at).append(' ').append(scope).append('\n');
        }
        try {
            Path file = Path.of(path().get());
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(
                    file,
                    lines,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND,
                    StandardOpenOption.SYNC);
        } catch (IOException e) {
            LOG.errorf(
                    "STW-CRYPTO-0053 could not append %d destroyed keys to the ledger",
                    keyIds.size());
        }
    }
}
