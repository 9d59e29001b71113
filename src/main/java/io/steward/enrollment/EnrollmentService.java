package io.steward.enrollment;

import io.steward.audit.AuditLog;
import io.steward.audit.Outcome;
import io.steward.common.ApiException;
import io.steward.common.CursorParts;
import io.steward.common.ETags;
import io.steward.common.FieldError;
import io.steward.common.Page;
import io.steward.common.PageRequest;
import io.steward.common.Versioned;
import io.steward.crypto.Envelope;
import io.steward.crypto.FieldContext;
import io.steward.participants.ParticipantAccess;
import io.steward.participants.ParticipantCipher;
import io.steward.programs.Program;
import io.steward.programs.ProgramAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class EnrollmentService {

    @Inject EnrollmentRepository enrollments;
    @Inject ProgramAccess programs;
    @Inject ParticipantAccess participants;
    @Inject AuditLog audit;
    @Inject Envelope envelope;

    @Transactional
    public Versioned<EnrollmentView> create(UUID programId, EnrollmentRequest request) {
        String resource = "programs/" + programId + "/enrollments";
        Program program = programs.manageable(programId, "enrollment.create", resource);
        if (!participants.canEnroll(request.participantId())) {
            throw participants.notEnrollable(
                    request.participantId(), "enrollment.create", resource);
        }
        if (!program.covers(request.startDate())) {
            throw ApiException.invalid("startDate", "must be within the program's dates");
        }
        checkEnd("endDate", request.endDate(), request.startDate(), program);

        enrollments.getEntityManager().lock(program, LockModeType.PESSIMISTIC_WRITE);
        if (enrollments.activeExists(programId, request.participantId())) {
            throw ApiException.conflict("The youth is already enrolled in this program.");
        }
        if (program.capacity != null && enrollments.countActive(programId) >= program.capacity) {
            throw ApiException.conflict("The program is full.");
        }
        Enrollment enrollment = new Enrollment();
        enrollment.id = UUID.randomUUID();
        enrollment.programId = programId;
        enrollment.participantId = request.participantId();
        enrollment.startDate = request.startDate();
        enrollment.endDate = request.endDate();
        enrollment.status = EnrollmentStatus.ACTIVE;
        enrollment.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        enrollments.persistAndFlush(enrollment);

        audit.record(
                "enrollment.create",
                resource + "/" + enrollment.id,
                List.of(enrollment.participantId),
                Outcome.SUCCESS);
        return new Versioned<>(view(enrollment), enrollment.version);
    }

    /** An answer to a create, given again for its Idempotency-Key. */
    public void replayed(UUID programId, UUID id, UUID participantId) {
        audit.record(
                "enrollment.replay",
                "programs/" + programId + "/enrollments/" + id,
                List.of(participantId),
                Outcome.SUCCESS);
    }

    @Transactional
    public Versioned<EnrollmentView> withdraw(
            UUID programId, UUID id, WithdrawalRequest request, String ifMatch) {
        String resource = "programs/" + programId + "/enrollments/" + id;
        Program program = programs.manageable(programId, "enrollment.withdraw", resource);
        // Attendance writes hold the program in share mode: none is under way past this point.
        enrollments.getEntityManager().lock(program, LockModeType.PESSIMISTIC_WRITE);
        Enrollment enrollment =
                enrollments
                        .findInProgram(programId, id, LockModeType.PESSIMISTIC_WRITE)
                        .orElseThrow(() -> absent("enrollment.withdraw", resource));
        ETags.check(ifMatch, enrollment.version);
        if (enrollment.status == EnrollmentStatus.WITHDRAWN) {
            throw ApiException.conflict("The enrollment is already withdrawn.");
        }
        checkEnd("endDate", request.endDate(), enrollment.startDate, program);
        if (enrollments.attendanceLeftOutside(enrollment, request.endDate())) {
            throw ApiException.conflict(
                    "Attendance is recorded after the end date.",
                    FieldError.field("endDate", "attendance is recorded after this date"));
        }

        enrollment.status = EnrollmentStatus.WITHDRAWN;
        enrollment.endDate = request.endDate();
        String reason = request.reason() == null ? "" : request.reason().strip();
        enrollment.withdrawalReason =
                envelope.encrypt(
                        ParticipantCipher.SCOPE, reason.isEmpty() ? null : reason, reason(id));
        enrollments.flush();

        audit.record(
                "enrollment.withdraw",
                resource,
                List.of(enrollment.participantId),
                Outcome.SUCCESS);
        return new Versioned<>(view(enrollment), enrollment.version);
    }

    @Transactional
    public Versioned<EnrollmentView> get(UUID programId, UUID id) {
        String resource = "programs/" + programId + "/enrollments/" + id;
        programs.readable(programId, "enrollment.read", resource);
        Enrollment enrollment =
                enrollments
                        .findInProgram(programId, id, LockModeType.NONE)
                        .orElseThrow(() -> absent("enrollment.read", resource));

        audit.record(
                "enrollment.read", resource, List.of(enrollment.participantId), Outcome.SUCCESS);
        return new Versioned<>(view(enrollment), enrollment.version);
    }

    @Transactional
    public Page<EnrollmentView> list(UUID programId, PageRequest page) {
        String resource = "programs/" + programId + "/enrollments";
        programs.readable(programId, "enrollment.list", resource);
        Instant at = page.first() ? null : CursorParts.instant(page, 0);
        UUID after = page.first() ? null : CursorParts.uuid(page, 1);

        Page<EnrollmentView> result =
                Page.of(
                        enrollments.page(programId, at, after, page.limit()),
                        page,
                        this::view,
                        e -> new String[] {e.createdAt.toString(), e.id.toString()});

        List<UUID> ids =
                result.items().stream().map(EnrollmentView::participantId).distinct().toList();
        audit.record("enrollment.list", resource, ids, Outcome.SUCCESS);
        return result;
    }

    private EnrollmentView view(Enrollment e) {
        return EnrollmentView.of(e, envelope.decrypt(e.withdrawalReason, reason(e.id)));
    }

    private static FieldContext reason(UUID enrollmentId) {
        return FieldContext.of("enrollment", "withdrawal_reason", enrollmentId);
    }

    private static void checkEnd(String field, LocalDate end, LocalDate start, Program program) {
        if (end != null && end.isBefore(start)) {
            throw ApiException.invalid(field, "must not be before the start date");
        }
        if (end != null && end.isAfter(program.endDate)) {
            throw ApiException.invalid(field, "must not be after the program's end date");
        }
    }

    private ApiException absent(String action, String resource) {
        audit.recordAlone(action, resource, List.of(), Outcome.NOT_FOUND);
        return ApiException.notFound();
    }
}
