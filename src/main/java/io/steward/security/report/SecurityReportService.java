package io.steward.security.report;

import io.steward.audit.ChainVerifier;
import io.steward.audit.VerificationView;
import io.steward.common.Rows;
import io.steward.crypto.MasterKeys;
import io.steward.security.report.SecurityReportView.AuditChain;
import io.steward.security.report.SecurityReportView.Backups;
import io.steward.security.report.SecurityReportView.EndingSoon;
import io.steward.security.report.SecurityReportView.Keys;
import io.steward.security.report.SecurityReportView.MasterKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Assembles the security review from the directory, key tables, backups and the audit chain. */
@ApplicationScoped
public class SecurityReportService {

    static final int ENDING_WITHIN_DAYS = 30;

    @Inject EntityManager em;
    @Inject DirectoryReader directory;
    @Inject MasterKeys masterKeys;
    @Inject ChainVerifier chain;
    @Inject EndingSoonQuery endingSoon;

    public SecurityReportView report() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        VerificationView verification = chain.verify();
        List<EndingSoon> agreements = endingSoon.agreements(ENDING_WITHIN_DAYS);
        List<EndingSoon> consents = endingSoon.consents(ENDING_WITHIN_DAYS);
        return new SecurityReportView(
                now,
                directory.read(),
                agreements,
                consents,
                keys(now),
                backups(),
                new AuditChain(
                        verification.valid(),
                        verification.events(),
                        verification.firstInvalidSeq(),
                        verification.unlinkedOverdue()));
    }

    @SuppressWarnings("unchecked")
    private Keys keys(Instant now) {
        List<Object[]> masters =
                em.createNativeQuery(
                                "select key_id, created_at from master_key order by created_at")
                        .getResultList();
        int primary = masterKeys.primaryKeyId();
        List<MasterKey> keys =
                masters.stream()
                        .map(
                                r -> {
                                    Instant created = Rows.instant(r[1]);
                                    long id = ((Number) r[0]).longValue();
                                    return new MasterKey(
                                            id,
                                            created,
                                            Duration.between(created, now).toDays(),
                                            id == primary);
                                })
                        .toList();
        Object[] data =
                (Object[])
                        em.createNativeQuery(
                                        "select count(*) filter (where destroyed_at is null),"
                                                + " count(*) filter (where destroyed_at is not"
                                                + " null), min(created_at) filter (where"
                                                + " destroyed_at is null) from data_key")
                                .getSingleResult();
        Long oldest =
                data[2] == null ? null : Duration.between(Rows.instant(data[2]), now).toDays();
        return new Keys(
                keys, ((Number) data[0]).longValue(), ((Number) data[1]).longValue(), oldest);
    }

    private Backups backups() {
        return new Backups(latest("BACKUP"), latest("RESTORE_DRILL"));
    }

    private Instant latest(String kind) {
        Object value =
                em.createNativeQuery("select max(completed_at) from backup_event where kind = ?1")
                        .setParameter(1, kind)
                        .getSingleResult();
        return value == null ? null : Rows.instant(value);
    }
}
