package io.steward.crypto;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Seals personal values that earlier versions stored in plaintext: a guardian's relationship, a
 * withdrawal's reason and a consent grantor's relationship. Each value is sealed like a new one
 * (scope {@code participant}, bound to its table, logical column and row id) into the column the
 * service now reads, and the plaintext column is emptied. Runs at every start and every hour (rows
 * written by instances of the previous version during a rolling update), in small transactions that
 * skip rows another replica holds.
 */
@ApplicationScoped
public class PlaintextSealing {

    /** A field sealed from {@code plaintext} into {@code sealed}, bound to {@code column}. */
    record Field(String table, String plaintext, String sealed, String column) {}

    static final List<Field> FIELDS =
            List.of(
                    new Field("guardian", "relationship", "relationship_sealed", "relationship"),
                    new Field(
                            "enrollment",
                            "withdrawal_reason",
                            "withdrawal_reason_sealed",
                            "withdrawal_reason"),
                    new Field(
                            "consent",
                            "grantor_relationship",
                            "grantor_relationship_sealed",
                            "grantor_relationship"));

    private static final Logger LOG = Logger.getLogger(PlaintextSealing.class);
    private static final String SCOPE = "participant";
    private static final int BATCH = 500;

    @Inject EntityManager em;
    @Inject Envelope envelope;

    void start(@Observes @Priority(5000) StartupEvent event) {
        sealAll();
    }

    @Scheduled(
            identity = "plaintext-sealing",
            every = "1h",
            delayed = "10m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sealAll();
    }

    /** Seals every plaintext value left; returns how many were sealed. */
    public long sealAll() {
        long total = 0;
        for (Field field : FIELDS) {
            long sealed = 0;
            int batch;
            do {
                batch = QuarkusTransaction.requiringNew().call(() -> sealBatch(field));
                sealed += batch;
            } while (batch == BATCH);
            if (sealed > 0) {
                LOG.infof(
                        "STW-CRYPTO-0060 sealed %d plaintext values of %s.%s",
                        sealed, field.table(), field.column());
            }
            total += sealed;
        }
        return total;
    }

    private int sealBatch(Field field) {
        return em.unwrap(Session.class).doReturningWork(c -> sealBatch(c, field));
    }

    private int sealBatch(Connection c, Field field) throws SQLException {
        record Row(UUID id, String plaintext, boolean sealed) {}
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select =
                        c.prepareStatement(
                                "select id, "
                                        + field.plaintext()
                                        + ", "
                                        + field.sealed()
                                        + " is not null from "
                                        + field.table()
                                        + " where "
                                        + field.plaintext()
                                        + " is not null limit "
                                        + BATCH
                                        + " for update skip locked");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                rows.add(new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3)));
            }
        }
        try (PreparedStatement update =
                c.prepareStatement(
                        "update "
                                + field.table()
                                + " set "
                                + field.sealed()
                                + " = coalesce("
                                + field.sealed()
                                + ", ?), "
                                + field.plaintext()
                                + " = null where id = ?")) {
            for (Row row : rows) {
                // A value the current version wrote wins over a plaintext one.
                FieldContext context = FieldContext.of(field.table(), field.column(), row.id());
                update.setBytes(
                        1, row.sealed() ? null : envelope.encrypt(SCOPE, row.plaintext(), context));
                update.setObject(2, row.id());
                update.addBatch();
            }
            update.executeBatch();
        }
        return rows.size();
    }
}
