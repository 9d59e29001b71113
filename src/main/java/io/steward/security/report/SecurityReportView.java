package io.steward.security.report;

import java.time.Instant;
import java.util.List;

/** A periodic security review, assembled from the directory, the database and the audit chain. */
public record SecurityReportView(
        Instant generatedAt,
        Directory directory,
        List<EndingSoon> agreementsEndingSoon,
        List<EndingSoon> consentsEndingSoon,
        Keys keys,
        Backups backups,
        AuditChain auditChain) {

    public record Directory(
            boolean connected,
            String detail,
            List<OrganizationUsers> organizations,
            List<String> staleAccounts) {}

    public record OrganizationUsers(String org, List<User> users) {}

    public record User(String username, boolean enabled, List<String> roles) {}

    public record EndingSoon(String id, String kind, String endsOn) {}

    public record Keys(
            List<MasterKey> masterKeys,
            long activeDataKeys,
            long destroyedDataKeys,
            Long oldestActiveDataKeyDays) {}

    public record MasterKey(long keyId, Instant createdAt, long ageDays, boolean primary) {}

    public record Backups(Instant lastBackup, Instant lastRestoreDrill) {}

    public record AuditChain(
            boolean valid, long events, Long firstInvalidSeq, long unlinkedOverdue) {}
}
