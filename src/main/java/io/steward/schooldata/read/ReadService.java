package io.steward.schooldata.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.steward.agreements.AgreementService;
import io.steward.audit.AuditLog;
import io.steward.audit.Outcome;
import io.steward.common.Cursors;
import io.steward.common.Ids;
import io.steward.common.Page;
import io.steward.common.PageRequest;
import io.steward.common.StrictJson;
import io.steward.consent.Consent;
import io.steward.crypto.Envelope;
import io.steward.crypto.FieldContext;
import io.steward.disclosures.DisclosureEntry;
import io.steward.disclosures.DisclosureEntry.Basis;
import io.steward.disclosures.DisclosureLog;
import io.steward.schooldata.DataCategory;
import io.steward.schooldata.RecordFields;
import io.steward.schooldata.read.RecordReader.Stored;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads a youth's academic records for a caller with a right to them, and records the disclosure of
 * every page that carries data in the same transaction.
 */
@ApplicationScoped
public class ReadService {

    static final String PARENT_PURPOSE =
            "Inspection by the parent or eligible student (FERPA 34 CFR 99.10)";
    static final String DISTRICT_PURPOSE = "Review by the district that sent the records";

    @Inject AcademicRecordAccess access;
    @Inject RecordReader reader;
    @Inject Envelope envelope;
    @Inject ObjectMapper mapper;
    @Inject DisclosureLog disclosures;
    @Inject AuditLog audit;

    /** How many records of which categories went out under one basis. */
    private record Tally(Set<DataCategory> categories, int[] count) {}

    @Transactional
    public AcademicRecordPage read(UUID participantId, PageRequest page) {
        LocalDate today = AgreementService.today();
        ReadGrant grant = access.grant(participantId, today);
        if (!page.first()) {
            checkCursor(page.after());
        }

        List<Stored> rows =
                reader.page(
                        participantId,
                        grant.categories(),
                        grant.districtId(),
                        today,
                        page.first() ? null : page.after(),
                        page.limit());
        Page<AcademicRecordView> answer =
                Page.of(
                        rows,
                        page,
                        this::view,
                        s -> new String[] {s.schoolYear(), s.category().name(), s.id().toString()});
        disclosures.recordAudited(
                disclosuresOf(participantId, grant, rows.subList(0, answer.items().size())),
                audit.entry(
                        "academic-records.read",
                        "participants/" + participantId + "/academic-records",
                        List.of(participantId),
                        Outcome.SUCCESS));
        return new AcademicRecordPage(
                answer.items(), answer.nextCursor(), AcademicRecordPage.NOTICE);
    }

    /** The disclosures of an answer: one per consent, or per agreement and source district. */
    private static List<DisclosureEntry> disclosuresOf(
            UUID participantId, ReadGrant grant, List<Stored> served) {
        Map<List<Object>, Tally> groups = new LinkedHashMap<>();
        Map<List<Object>, Consent> consentOf = new LinkedHashMap<>();
        for (Stored s : served) {
            Consent consent = grant.kind() == ReadGrant.Kind.CONSENT ? covering(grant, s) : null;
            List<Object> key =
                    List.of(consent != null ? consent.id() : s.agreementId(), s.districtId());
            groups.computeIfAbsent(
                    key, k -> new Tally(EnumSet.noneOf(DataCategory.class), new int[1]));
            groups.get(key).categories().add(s.category());
            groups.get(key).count()[0]++;
            if (consent != null) {
                consentOf.put(key, consent);
            }
        }
        List<DisclosureEntry> entries = new ArrayList<>(groups.size());
        groups.forEach(
                (key, tally) -> {
                    Consent consent = consentOf.get(key);
                    entries.add(
                            new DisclosureEntry(
                                    participantId,
                                    grant.recipientCode(),
                                    grant.role(),
                                    tally.categories(),
                                    consent != null ? Basis.CONSENT : Basis.AGREEMENT,
                                    consent != null ? consent.id() : null,
                                    consent != null ? null : (UUID) key.get(0),
                                    (UUID) key.get(1),
                                    purpose(grant, consent),
                                    tally.count()[0]));
                });
        return entries;
    }

    /** The oldest consent of the grant that covers the record's category. */
    private static Consent covering(ReadGrant grant, Stored s) {
        return grant.consents().stream()
                .filter(c -> c.dataCategories().contains(s.category()))
                .findFirst()
                .orElseThrow();
    }

    private static String purpose(ReadGrant grant, Consent consent) {
        return switch (grant.kind()) {
            case CONSENT -> consent.purpose();
            case GUARDIAN -> PARENT_PURPOSE;
            case DISTRICT -> DISTRICT_PURPOSE;
        };
    }

    private AcademicRecordView view(Stored s) {
        String json =
                envelope.decrypt(
                        s.payload(), FieldContext.of("academic_record", "payload", s.id()));
        RecordFields f;
        try {
            f = StrictJson.stored(mapper, RecordFields.class).readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("STW-SCHOOLDATA-0002 unreadable record payload");
        }
        return new AcademicRecordView(
                s.id(),
                s.category(),
                s.schoolYear(),
                s.agreementId(),
                s.districtCode(),
                f.daysEnrolled(),
                f.daysAbsent(),
                f.course(),
                f.mark(),
                f.subject(),
                f.scaleScore(),
                f.proficient());
    }

    private static void checkCursor(List<String> after) {
        try {
            DataCategory.valueOf(after.get(1));
        } catch (IllegalArgumentException e) {
            throw Cursors.refused();
        }
        if (!Ids.canonical(after.get(2))) {
            throw Cursors.refused();
        }
    }
}
