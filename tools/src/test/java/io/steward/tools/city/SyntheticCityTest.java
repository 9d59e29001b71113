package io.steward.tools.city;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticCityTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 1, 15);
    static final Set<String> GRADES =
            Set.of("PK", "K", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12");

    @Test
    void generate_sameSeed_sameFilesByteForByte(@TempDir Path dir) throws Exception {
        CityWriter.writeAll(SyntheticCity.generate(42, 1, AS_OF), dir.resolve("a"));
        CityWriter.writeAll(SyntheticCity.generate(42, 1, AS_OF), dir.resolve("b"));
        for (String file :
                List.of("youth.ndjson", "enrollments.csv", "attendance.csv", "consents.ndjson")) {
            assertEquals(
                    -1L,
                    Files.mismatch(dir.resolve("a").resolve(file), dir.resolve("b").resolve(file)),
                    file);
        }
    }

    @Test
    void generate_otherSeed_otherCity() {
        assertNotEquals(
                SyntheticCity.generate(1, 1, AS_OF).youth(),
                SyntheticCity.generate(2, 1, AS_OF).youth());
    }

    @Test
    void generate_scale_growsYouthAndPrograms() {
        City one = SyntheticCity.generate(5, 1, AS_OF);
        City three = SyntheticCity.generate(5, 3, AS_OF);
        assertEquals(600, one.youth().size());
        assertEquals(1800, three.youth().size());
        assertEquals(6, one.programs().size());
        assertEquals(12, three.programs().size());
    }

    @Test
    void generate_everyReferenceResolvesAndEveryValueIsValid() {
        City city = SyntheticCity.generate(9, 2, AS_OF);
        Set<String> programs = new HashSet<>();
        city.programs().forEach(p -> programs.add(p.key()));
        Set<String> youth = new HashSet<>();
        Set<String> students = new HashSet<>();
        for (Youth y : city.youth()) {
            youth.add(y.key());
            assertTrue(GRADES.contains(y.gradeLevel()), y.gradeLevel());
            assertTrue(!y.guardians().isEmpty());
            if (y.inDistrict()) {
                assertTrue(students.add(y.districtStudentId()), "student ids are unique");
            }
        }
        assertTrue(city.enrollments().stream().allMatch(e -> programs.contains(e.programKey())));
        assertTrue(city.enrollments().stream().allMatch(e -> youth.contains(e.youthKey())));
        assertTrue(
                city.attendance().stream().allMatch(a -> a.minutes() >= 60 && a.minutes() <= 180));
        assertTrue(
                city.schoolRecords().stream()
                        .allMatch(r -> students.contains(r.districtStudentId())));
        assertTrue(city.consents().stream().allMatch(c -> c.validUntil().isAfter(AS_OF)));
        assertTrue(city.youth().stream().anyMatch(y -> !y.inDistrict()), "some youth outside");
        assertEquals(2, city.demoGuardianYouth().size());
    }

    @Test
    void gradeLevel_cutoffIsFirstOfSeptember() {
        SchoolYear year = SchoolYear.SY_2021_2022;
        assertEquals("K", year.gradeLevel(LocalDate.of(2016, 9, 1)));
        assertEquals("PK", year.gradeLevel(LocalDate.of(2016, 9, 2)));
        assertEquals("12", year.gradeLevel(LocalDate.of(2004, 1, 1)));
    }
}
