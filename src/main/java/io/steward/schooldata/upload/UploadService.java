package io.steward.schooldata.upload;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.steward.agreements.Agreement;
import io.steward.agreements.AgreementAccess;
import io.steward.agreements.AgreementRepository;
import io.steward.agreements.AgreementService;
import io.steward.audit.AuditLog;
import io.steward.audit.Outcome;
import io.steward.common.ApiException;
import io.steward.schooldata.AcademicRow;
import io.steward.schooldata.RowErrors;
import io.steward.schooldata.StudentMatcher;
import io.steward.schooldata.UploadBatch;
import io.steward.schooldata.edfi.EdFiImport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Receives a district's academic records under an agreement, all or nothing: any bad row fails the
 * upload with 400 and stores none of it. Records of youth who are not participants are dropped.
 */
@ApplicationScoped
public class UploadService {

    private static final Logger LOG = Logger.getLogger(UploadService.class);

    /** The upload formats, by media type. */
    public enum Format {
        CSV,
        NDJSON,
        EDFI_XML
    }

    @Inject AgreementRepository agreements;
    @Inject AgreementAccess access;
    @Inject EdFiImport edfi;
    @Inject StudentMatcher matcher;
    @Inject RecordWriter writer;
    @Inject ObjectMapper mapper;
    @Inject AuditLog audit;

    @Transactional
    public UploadResult upload(UUID agreementId, Format format, InputStream body) {
        String resource = "agreements/" + agreementId + "/academic-records";
        Agreement a = agreements.share(agreementId).orElse(null);
        if (a == null || !access.canSee(a)) {
            audit.recordAlone("academic-records.upload", resource, List.of(), Outcome.NOT_FOUND);
            throw ApiException.notFound();
        }
        access.checkUpload(a);
        if (!a.inEffect(AgreementService.today())) {
            throw ApiException.conflict(
                    "Records are accepted only while the agreement is ACTIVE and in effect.");
        }

        RowErrors errors = new RowErrors();
        UploadBatch batch = parse(a, format, body, errors);
        errors.throwIfAny();
        List<String> students = new ArrayList<>(batch.studentIds());
        batch.rows().forEach(row -> students.add(row.districtStudentId()));
        Map<String, UUID> found = matcher.match(a.district.code, students);

        List<AcademicRow> matched =
                batch.rows().stream()
                        .filter(
                                r ->
                                        found.containsKey(
                                                StudentMatcher.normalize(r.districtStudentId())))
                        .toList();
        int replaced = writer.write(a.id, a.scope(), matched, found);
        writer.writeCalendars(a.id, batch.calendars());
        Set<UUID> participants = new LinkedHashSet<>(found.values());
        int dropped =
                batch.rows().isEmpty()
                        ? (int)
                                batch.studentIds().stream()
                                        .filter(
                                                s ->
                                                        !found.containsKey(
                                                                StudentMatcher.normalize(s)))
                                        .count()
                        : batch.rows().size() - matched.size();
        UploadResult result =
                new UploadResult(
                        batch.format(),
                        batch.received(),
                        matched.size(),
                        dropped,
                        replaced,
                        batch.skipped(),
                        participants.size(),
                        batch.calendars().size());
        LOG.infof(
                "STW-SCHOOLDATA-0010 agreement %s: received %d, stored %d, dropped %d",
                a.id, result.received(), result.stored(), result.droppedNotParticipants());

        audit.record("academic-records.upload", resource, participants, Outcome.SUCCESS);
        return result;
    }

    private UploadBatch parse(Agreement a, Format format, InputStream body, RowErrors errors) {
        RowValidator validator = new RowValidator(a.categories(), errors);
        return switch (format) {
            case CSV -> rows("CSV", CsvRows.read(body, validator, errors));
            case NDJSON -> rows("NDJSON", NdjsonRows.read(body, mapper, validator, errors));
            case EDFI_XML -> {
                Map<String, Integer> days = writer.calendars(a.id);
                UploadBatch read =
                        edfi.read(
                                body,
                                a.categories(),
                                (school, year) -> days.get(school + "/" + year));
                checkDuplicates(read.rows(), errors);
                yield read;
            }
        };
    }

    private static UploadBatch rows(String format, List<AcademicRow> rows) {
        return new UploadBatch(format, rows, List.of(), List.of(), rows.size(), 0);
    }

    private static void checkDuplicates(List<AcademicRow> rows, RowErrors errors) {
        Map<String, Long> seen = new HashMap<>();
        for (AcademicRow row : rows) {
            Long first = seen.putIfAbsent(row.identity(), row.row());
            if (first != null) {
                errors.add(row.row(), "StudentUniqueId", "repeats the record of element " + first);
            }
        }
    }
}
