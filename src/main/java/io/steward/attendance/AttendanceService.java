package io.steward.attendance;

import io.steward.audit.AuditLog;
import io.steward.audit.Outcome;
import io.steward.common.CursorParts;
import io.steward.common.Page;
import io.steward.common.PageRequest;
import io.steward.programs.Program;
import io.steward.programs.ProgramAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AttendanceService {

    @Inject AttendanceRepository attendance;
    @Inject ProgramAccess programs;
    @Inject AuditLog audit;

    /** Upserts a whole body or nothing: any bad entry refuses all of them. */
    @Transactional
    public AttendanceView.Written put(UUID programId, List<AttendanceEntry> entries) {
        String resource = "programs/" + programId + "/attendance";
        Program program = programs.manageable(programId, "attendance.write", resource);
        AttendanceBatch.check(entries, program);
        attendance.holdEnrollments(program);
        AttendanceBatch.requireEnrolled(attendance.notEnrolled(programId, entries));

        int written = attendance.upsert(programId, entries);

        List<UUID> ids = entries.stream().map(AttendanceEntry::participantId).distinct().toList();
        audit.record("attendance.write", resource, ids, Outcome.SUCCESS);
        return new AttendanceView.Written(written);
    }

    @Transactional
    public Page<AttendanceView> list(
            UUID programId, LocalDate start, LocalDate end, PageRequest page) {
        String resource = "programs/" + programId + "/attendance";
        LocalDate afterDate = page.first() ? null : CursorParts.date(page, 0);
        UUID afterId = page.first() ? null : CursorParts.uuid(page, 1);
        programs.readable(programId, "attendance.list", resource);

        Page<AttendanceView> result =
                Page.of(
                        attendance.page(programId, start, end, afterDate, afterId, page.limit()),
                        page,
                        v -> v,
                        v -> new String[] {v.date().toString(), v.participantId().toString()});

        List<UUID> ids =
                result.items().stream().map(AttendanceView::participantId).distinct().toList();
        audit.record("attendance.list", resource, ids, Outcome.SUCCESS);
        return result;
    }
}
