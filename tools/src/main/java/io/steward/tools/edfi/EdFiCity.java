package io.steward.tools.edfi;

import io.steward.tools.city.Agreement;
import io.steward.tools.city.Attendance;
import io.steward.tools.city.City;
import io.steward.tools.city.Consent;
import io.steward.tools.city.Consents;
import io.steward.tools.city.Demo;
import io.steward.tools.city.Enrollment;
import io.steward.tools.city.Guardian;
import io.steward.tools.city.Program;
import io.steward.tools.city.ProgramDays;
import io.steward.tools.city.SchoolRecord;
import io.steward.tools.city.SchoolYear;
import io.steward.tools.city.Seeds;
import io.steward.tools.city.Youth;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Turns an Ed-Fi interchange folder into a city on the demo network. The sample has no
 * school-enrollment file and no afterschool data, so some facts are derived; each choice is a named
 * step below and is described in {@code docs/edfi-loader.md}:
 *
 * <ol>
 *   <li>Every student of Student.xml is a participant of the demo district, enrolled in one of the
 *       demo providers' six programs, picked by a hash of the student id.
 *   <li>Grade level from the birth date for school year 2021-2022 ({@link SchoolYear}).
 *   <li>School from the attendance events (the school with most events); without events, the school
 *       that serves the derived grade.
 *   <li>School attendance: days enrolled from the school's calendar sessions, days absent the
 *       distinct dates of excused or unexcused absence events; no events means full attendance.
 *   <li>Assessments: proficient when the performance level is Met Standard or Advanced.
 *   <li>Guardians from the student's contact associations, primary contact first.
 *   <li>Program attendance is synthetic ({@link ProgramDays}), seeded by the student id.
 *   <li>A third of the students (by hash) have their primary guardian's paper consent for their
 *       provider, attendance always, assessments for half of those.
 * </ol>
 */
public final class EdFiCity {

    public static final String AGREEMENT = "edfi-evaluation";
    static final SchoolYear YEAR = SchoolYear.SY_2021_2022;

    private EdFiCity() {}

    public static City of(EdFiSample sample, long seed, LocalDate asOf) {
        List<Program> programs = Demo.programs(YEAR);
        EdFiSchools schools = new EdFiSchools(sample.schools(), sample.sessions(), YEAR);
        Map<String, List<Guardian>> guardians = EdFiGuardians.byStudent(sample);
        EdFiAttendance school = new EdFiAttendance(sample.attendanceEvents(), YEAR);

        List<Youth> youth = new ArrayList<>();
        List<Enrollment> enrollments = new ArrayList<>();
        List<Attendance> attendance = new ArrayList<>();
        List<SchoolRecord> records = new ArrayList<>();
        List<Consent> consents = new ArrayList<>();
        List<String> guardianYouth = new ArrayList<>();
        for (XmlRecord student : sample.students()) {
            String id = student.first("StudentUniqueId");
            LocalDate birth = LocalDate.parse(student.first("BirthData/BirthDate"));
            String grade = YEAR.gradeLevel(birth);
            String schoolId = school.schoolOf(id);
            if (schoolId == null) {
                schoolId = schools.forGrade(grade);
            }
            Youth one =
                    new Youth(
                            id,
                            student.first("Name/FirstName"),
                            student.first("Name/LastSurname"),
                            birth,
                            grade,
                            Demo.DISTRICT,
                            id,
                            schoolId,
                            guardians.getOrDefault(id, List.of()));
            youth.add(one);

            Program program = programs.get(Seeds.bucket(id, programs.size()));
            enrollments.add(new Enrollment(program.key(), id, program.startDate()));
            Random random = Seeds.random(seed, "edfi-program-days", id);
            attendance.addAll(
                    ProgramDays.sessions(
                            random, program, id, program.startDate(), ProgramDays.count(random)));

            Integer enrolledDays = schools.daysEnrolled(schoolId);
            if (enrolledDays != null) {
                records.add(school.record(AGREEMENT, id, enrolledDays));
            }
            if (one.primaryGuardian() != null && Seeds.bucket("consent/" + id, 3) == 0) {
                consents.add(consent(one, program, asOf));
            }
            if (guardianYouth.size() < 2 && program.providerCode().equals(Demo.NORTHSIDE)) {
                guardianYouth.add(id);
            }
        }
        records.addAll(EdFiAssessments.records(sample, AGREEMENT));
        return new City(
                Demo.ORGANIZATIONS,
                programs,
                youth,
                enrollments,
                attendance,
                List.of(agreement(asOf)),
                records,
                consents,
                guardianYouth);
    }

    private static Consent consent(Youth youth, Program program, LocalDate asOf) {
        List<String> categories =
                Seeds.bucket("consent-categories/" + youth.key(), 2) == 0
                        ? List.of("SCHOOL_ATTENDANCE", "ASSESSMENTS")
                        : List.of("SCHOOL_ATTENDANCE");
        LocalDate signed = program.startDate().plusDays(Seeds.bucket("signed/" + youth.key(), 21));
        return Consents.paper(youth, program.providerCode(), categories, signed, asOf.plusYears(1));
    }

    /** The agreement the district signs for the demo: the city evaluates its programs. */
    static Agreement agreement(LocalDate asOf) {
        LocalDate until = asOf.plusYears(1);
        return new Agreement(
                AGREEMENT,
                Demo.DISTRICT,
                Demo.CITY,
                "AUDIT_EVALUATION",
                "Evaluate the city's afterschool programs against school attendance and state"
                        + " assessment results",
                List.of("SCHOOL_ATTENDANCE", "ASSESSMENTS"),
                YEAR.firstDay().minusMonths(2),
                until,
                until.plusDays(90),
                10);
    }
}
