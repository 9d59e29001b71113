package io.steward.agreements.destruction;

import io.steward.agreements.Agreement;
import io.steward.common.Rows;
import io.steward.crypto.DataKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Destroys an agreement's academic records: deletes the rows and destroys the agreement's data key
 * (scope {@code agreement:<id>}), so any copy of the ciphertexts, in a replica or a backup, can no
 * longer be read. Writes the certificate in the same transaction.
 */
@ApplicationScoped
public class Destruction {

    private static final Logger LOG = Logger.getLogger(Destruction.class);

    /** What ended the agreement's data. */
    public enum Cause {
        TERMINATION,
        EXPIRY,
        DESTROY_BY
    }

    @Inject EntityManager em;
    @Inject DataKeys keys;

    /** Must run inside the transaction that ends the agreement, with the agreement locked. */
    @Transactional(Transactional.TxType.MANDATORY)
    public DestructionView destroy(UUID agreementId, Cause cause, String reason, String actor) {
        int records =
                em.createNativeQuery("delete from academic_record where agreement_id = ?1")
                        .setParameter(1, agreementId)
                        .executeUpdate();
        em.createNativeQuery("delete from agreement_calendar where agreement_id = ?1")
                .setParameter(1, agreementId)
                .executeUpdate();
        List<UUID> keyIds = keys.destroyScope(Agreement.scopeOf(agreementId));
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        em.createNativeQuery(
                        "insert into agreement_destruction (agreement_id, destroyed_at, records,"
                                + " key_ids, cause, reason, actor)"
                                + " values (?1, ?2, ?3, cast(?4 as uuid[]), ?5, ?6, ?7)")
                .setParameter(1, agreementId)
                .setParameter(2, at)
                .setParameter(3, records)
                .setParameter(4, literal(keyIds))
                .setParameter(5, cause.name())
                .setParameter(6, reason)
                .setParameter(7, actor)
                .executeUpdate();
        LOG.infof(
                "STW-AGREEMENT-0010 agreement %s: %s destroyed %d records and %d data keys",
                agreementId, cause, records, keyIds.size());
        return new DestructionView(agreementId, at, records, keyIds, cause, reason);
    }

    public Optional<DestructionView> certificate(UUID agreementId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(
                                "select destroyed_at, records, key_ids, cause, reason"
                                        + " from agreement_destruction where agreement_id = ?1")
                        .setParameter(1, agreementId)
                        .getResultList();
        return rows.stream()
                .findFirst()
                .map(
                        r ->
                                new DestructionView(
                                        agreementId,
                                        Rows.instant(r[0]),
                                        Rows.integer(r[1]),
                                        Arrays.stream(Rows.strings(r[2]))
                                                .map(UUID::fromString)
                                                .toList(),
                                        Cause.valueOf((String) r[3]),
                                        (String) r[4]));
    }

    private static String literal(List<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }
}
