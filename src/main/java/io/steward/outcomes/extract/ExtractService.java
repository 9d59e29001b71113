package io.steward.outcomes.extract;

import io.steward.agreements.Agreement;
import io.steward.agreements.AgreementRepository;
import io.steward.audit.AuditLog;
import io.steward.audit.Outcome;
import io.steward.crypto.BlindIndex;
import io.steward.disclosures.DisclosureEntry;
import io.steward.disclosures.DisclosureLog;
import io.steward.participants.ParticipantCipher;
import io.steward.schooldata.DataCategory;
import io.steward.schooldata.read.AcademicRecordPage;
import io.steward.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Builds the de-identified extract of a STUDIES agreement: per youth, a pseudonym keyed to the
 * agreement, the generalized quasi-identifiers and the measures of the agreement's categories.
 * Every released row is recorded as a disclosure in the transaction that answers, and the whole
 * extract is audited.
 */
@ApplicationScoped
public class ExtractService {

    private static final Logger LOG = Logger.getLogger(ExtractService.class);

    @Inject AgreementRepository agreements;
    @Inject ExtractAccess access;
    @Inject ExtractRecords records;
    @Inject ExtractConfig config;
    @Inject ParticipantCipher cipher;
    @Inject BlindIndex blindIndex;
    @Inject DisclosureLog disclosures;
    @Inject AuditLog audit;

    @Transactional
    public ExtractView extract(UUID agreementId) {
        String resource = "agreements/" + agreementId + "/extract";
        Agreement a = agreements.share(agreementId).orElse(null);
        access.check(a, resource);

        Set<DataCategory> categories = a.categories();
        List<ExtractRecords.Youth> youth = records.youth(a.id, categories);
        Map<UUID, List<ExtractRecords.Mark>> marks =
                categories.contains(DataCategory.GRADES) ? records.marks(a.id) : Map.of();
        List<Generalizer.Row> quasi =
                youth.stream()
                        .map(
                                y ->
                                        new Generalizer.Row(
                                                y.gradeLevel(),
                                                y.schoolCode(),
                                                cipher.dateOfBirth(
                                                                y.participantId(),
                                                                y.sealedBirthDate())
                                                        .getYear()))
                        .toList();
        Generalizer.Result result =
                Generalizer.generalize(quasi, a.minimumCellSize, config.maxSuppressedShare());

        List<ExtractView.Row> rows = new ArrayList<>();
        List<UUID> released = new ArrayList<>();
        for (int i = 0; i < youth.size(); i++) {
            QuasiIdentifiers q = result.rows().get(i);
            if (q == null) {
                continue;
            }
            ExtractRecords.Youth y = youth.get(i);
            rows.add(row(a.id, y, q, marks.get(y.participantId())));
            released.add(y.participantId());
            disclose(a, y);
        }
        rows.sort(Comparator.comparing(ExtractView.Row::pseudonym));
        LOG.infof(
                "STW-EXTRACT-0002 extract of agreement %s: %d rows, %d suppressed",
                a.id, rows.size(), result.suppressed());

        audit.record(ExtractAccess.ACTION, resource, released, Outcome.SUCCESS);
        return new ExtractView(
                a.id,
                a.minimumCellSize,
                new ExtractView.Generalization(
                        result.gradeLevel(), result.schoolLevel(), result.birthYearLevel()),
                result.suppressed(),
                rows,
                AcademicRecordPage.NOTICE);
    }

    private ExtractView.Row row(
            UUID agreementId,
            ExtractRecords.Youth y,
            QuasiIdentifiers q,
            List<ExtractRecords.Mark> marks) {
        Double attendance =
                y.daysEnrolled() == null || y.daysEnrolled().signum() == 0
                        ? null
                        : round(1 - y.daysAbsent().doubleValue() / y.daysEnrolled().doubleValue());
        boolean assessed = y.assessments() > 0;
        return new ExtractView.Row(
                pseudonym(agreementId, y.participantId()),
                q.gradeLevel(),
                q.schoolCode(),
                q.birthYear(),
                attendance,
                assessed ? y.assessments() : null,
                assessed ? round(y.proficient() / (double) y.assessments()) : null,
                marks == null ? null : List.copyOf(marks));
    }

    /** A keyed pseudonym, stable within one agreement and unlinkable across agreements. */
    String pseudonym(UUID agreementId, UUID participantId) {
        byte[] mac = blindIndex.of("pseudonym", agreementId.toString(), participantId.toString());
        return HexFormat.of().formatHex(mac, 0, 16);
    }

    private void disclose(Agreement a, ExtractRecords.Youth y) {
        disclosures.record(
                new DisclosureEntry(
                        y.participantId(),
                        a.recipient.code,
                        Role.EVALUATOR,
                        y.categories(),
                        DisclosureEntry.Basis.AGREEMENT,
                        null,
                        a.id,
                        a.district.id,
                        a.purpose,
                        y.records()));
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).doubleValue();
    }
}
