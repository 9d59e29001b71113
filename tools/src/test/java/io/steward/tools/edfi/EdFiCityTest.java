package io.steward.tools.edfi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steward.tools.city.City;
import io.steward.tools.city.Demo;
import io.steward.tools.city.Guardian;
import io.steward.tools.city.SchoolRecord;
import io.steward.tools.city.Youth;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EdFiCityTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 1, 15);
    static City city;
    static Map<String, Youth> youth;

    @BeforeAll
    static void read() throws Exception {
        city = EdFiCity.of(EdFiSample.read(SampleDir.grandBend()), 7L, AS_OF);
        youth = city.youth().stream().collect(Collectors.toMap(Youth::key, y -> y));
    }

    @Test
    void read_grandBend_everyStudentBecomesOneEnrolledParticipant() {
        assertEquals(960, city.youth().size());
        assertEquals(960, city.enrollments().size());
        Set<String> programs = new HashSet<>();
        city.programs().forEach(p -> programs.add(p.key()));
        assertTrue(city.enrollments().stream().allMatch(e -> programs.contains(e.programKey())));
        assertTrue(city.youth().stream().allMatch(y -> Demo.DISTRICT.equals(y.districtCode())));
        Set<String> used = new HashSet<>();
        city.enrollments().forEach(e -> used.add(e.programKey()));
        assertEquals(programs, used, "every demo program gets students");
    }

    @Test
    void gradeLevel_fromBirthDate_forSchoolYear2021() {
        assertEquals("1", youth.get("604821").gradeLevel()); // born 2014-11-13
        assertEquals("K", youth.get("604825").gradeLevel()); // born 2016-08-15
        assertEquals("PK", youth.get("604835").gradeLevel()); // born 2016-09-29
        assertEquals("10", youth.get("604827").gradeLevel()); // born 2006-04-01
    }

    @Test
    void school_withAttendanceEvents_isTheEventsSchool() {
        // Born 2008-09-13 (grade 7, a middle school age) but every event is at the high school.
        assertEquals("7", youth.get("604822").gradeLevel());
        assertEquals("255901001", youth.get("604822").schoolCode());
    }

    @Test
    void school_withoutAttendanceEvents_servesTheDerivedGrade() {
        assertEquals("255901044", youth.get("604824").schoolCode()); // grade 6
        assertEquals("255901001", youth.get("604827").schoolCode()); // grade 10
        assertEquals("255901107", youth.get("604835").schoolCode()); // PK: lowest-grade school
    }

    @Test
    void schoolAttendance_daysFromCalendarAndAbsenceEvents() {
        Map<String, SchoolRecord> attendance =
                city.schoolRecords().stream()
                        .filter(r -> r.category().equals("SCHOOL_ATTENDANCE"))
                        .collect(Collectors.toMap(SchoolRecord::districtStudentId, r -> r));
        assertEquals(960, attendance.size());
        assertEquals(169, attendance.get("604822").fields().get("daysEnrolled"));
        assertEquals(4, attendance.get("604822").fields().get("daysAbsent"));
        assertEquals(20, attendance.get("604940").fields().get("daysAbsent"));
        assertEquals(0, attendance.get("604824").fields().get("daysAbsent"), "no events: full");
        int absent =
                attendance.values().stream()
                        .mapToInt(r -> (Integer) r.fields().get("daysAbsent"))
                        .sum();
        assertEquals(1850, absent, "distinct excused and unexcused absence dates in the file");
        assertTrue(attendance.values().stream().allMatch(r -> r.schoolYear().equals("2021-2022")));
    }

    @Test
    void assessments_proficientFromPerformanceLevel() {
        List<SchoolRecord> results =
                city.schoolRecords().stream()
                        .filter(r -> r.category().equals("ASSESSMENTS"))
                        .toList();
        assertEquals(32, results.size(), "34 in the file, two marked not tested (absent)");
        assertTrue(results.stream().noneMatch(r -> r.districtStudentId().equals("604861")));
        long proficient =
                results.stream()
                        .filter(r -> Boolean.TRUE.equals(r.fields().get("proficient")))
                        .count();
        assertEquals(22, proficient, "Met Standard or Advanced at the assessment level");
        Set<String> subjects = new HashSet<>();
        results.forEach(r -> subjects.add((String) r.fields().get("subject")));
        assertEquals(Set.of("Mathematics", "Reading"), subjects);
    }

    @Test
    void guardians_primaryContactFirst() {
        List<Guardian> guardians = youth.get("604821").guardians();
        assertEquals(2, guardians.size());
        assertEquals("Carmen Dyer", guardians.get(0).name());
        assertEquals("Mother", guardians.get(0).relationship());
        assertEquals("Father", guardians.get(1).relationship());
    }

    @Test
    void consents_aboutAThirdAndActiveAfterTheReferenceDate() {
        int count = city.consents().size();
        assertTrue(count > 250 && count < 390, "consents: " + count);
        assertTrue(city.consents().stream().allMatch(c -> c.validUntil().isAfter(AS_OF)));
        assertTrue(city.consents().stream().allMatch(c -> c.grantor() != null));
        assertTrue(
                city.consents().stream().anyMatch(c -> !c.dataCategories().contains("ASSESSMENTS")),
                "some consents leave assessments out");
    }

    @Test
    void read_twice_givesTheSameCity() throws Exception {
        City again = EdFiCity.of(EdFiSample.read(SampleDir.grandBend()), 7L, AS_OF);
        assertEquals(city, again);
    }
}
