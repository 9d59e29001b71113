package io.steward.tools.city;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded synthetic city on the demo network: the same seed, scale and reference date give the
 * same city, byte for byte, on any machine. Scale 1 is 600 youth in the demo providers' six
 * programs; each further step adds 600 youth and one program per provider.
 *
 * <p>Every youth has one or two guardians and one enrollment, some a second one with another
 * provider. Ninety-five in a hundred are students of the demo district and have school records
 * (attendance, two assessments from grade 3 to 11, two course marks) under one audit/evaluation
 * agreement; about a third of those have a guardian's paper consent for their provider. Consents
 * and the agreement run until a year after {@code asOf}, so they are active on the day of a load.
 */
public final class SyntheticCity {

    public static final int YOUTH_PER_SCALE = 600;
    public static final String AGREEMENT = "city-evaluation";

    private final long seed;
    private final int scale;
    private final int youthPerScale;
    private final LocalDate asOf;
    private final SchoolYear year = SchoolYear.SY_2021_2022;

    private SyntheticCity(long seed, int scale, LocalDate asOf, int youthPerScale) {
        if (scale < 1 || youthPerScale < 1) {
            throw new IllegalArgumentException("scale and youth per scale must be at least 1");
        }
        this.seed = seed;
        this.scale = scale;
        this.youthPerScale = youthPerScale;
        this.asOf = asOf;
    }

    public static City generate(long seed, int scale, LocalDate asOf) {
        return generate(seed, scale, asOf, YOUTH_PER_SCALE);
    }

    /** A city with another number of youth per scale step, for small tests and benchmarks. */
    public static City generate(long seed, int scale, LocalDate asOf, int youthPerScale) {
        return new SyntheticCity(seed, scale, asOf, youthPerScale).build();
    }

    private City build() {
        List<Program> programs = programs();
        List<Youth> youth = new ArrayList<>();
        List<Enrollment> enrollments = new ArrayList<>();
        List<Attendance> attendance = new ArrayList<>();
        List<SchoolRecord> records = new ArrayList<>();
        List<Consent> consents = new ArrayList<>();
        List<String> guardianYouth = new ArrayList<>();
        for (int i = 0; i < youthPerScale * scale; i++) {
            String key = String.format("Y%06d", i + 1);
            Random random = Seeds.random(seed, "youth", key);
            Youth one = youth(random, key, i);
            youth.add(one);
            Program first = programs.get(random.nextInt(programs.size()));
            int days = ProgramDays.count(random);
            enroll(random, one, first, days, enrollments, attendance);
            if (random.nextInt(100) < 15) {
                Program second = other(random, programs, first);
                enroll(random, one, second, ProgramDays.count(random), enrollments, attendance);
            }
            if (one.inDistrict()) {
                records.addAll(SyntheticRecords.of(random, one, year, days, AGREEMENT));
                if (random.nextInt(3) == 0) {
                    consents.add(consent(random, one, first));
                }
            }
            if (guardianYouth.size() < 2
                    && one.inDistrict()
                    && first.providerCode().equals(Demo.NORTHSIDE)) {
                guardianYouth.add(key);
            }
        }
        return new City(
                Demo.ORGANIZATIONS,
                programs,
                youth,
                enrollments,
                attendance,
                List.of(agreement()),
                records,
                consents,
                guardianYouth);
    }

    private List<Program> programs() {
        List<Program> programs = new ArrayList<>(Demo.programs(year));
        List<Program> base = List.copyOf(programs);
        for (int step = 2; step <= scale; step++) {
            for (int p = 0; p < Demo.PROVIDERS.size(); p++) {
                Program model = base.get(2 * p);
                programs.add(
                        new Program(
                                model.key() + "-" + step,
                                model.providerCode(),
                                model.name() + " " + step,
                                model.site(),
                                model.startDate(),
                                model.endDate(),
                                model.capacity()));
            }
        }
        return programs;
    }

    private Youth youth(Random random, String key, int index) {
        int age = 4 + random.nextInt(14);
        LocalDate birth = year.ageCutoff().minusYears(age).minusDays(1 + random.nextInt(364));
        String grade = year.gradeLevel(birth);
        String last = Names.last(random);
        boolean inDistrict = random.nextInt(100) < 95;
        List<Guardian> guardians = new ArrayList<>();
        int count = 1 + random.nextInt(2);
        for (int g = 0; g < count; g++) {
            String first = Names.first(random);
            String email = first.toLowerCase() + "." + last.toLowerCase() + index + "@example.org";
            String phone = String.format("555-01%02d", random.nextInt(100));
            guardians.add(
                    new Guardian(first + " " + last, Names.relationship(random, g), email, phone));
        }
        return new Youth(
                key,
                Names.first(random),
                last,
                birth,
                grade,
                inDistrict ? Demo.DISTRICT : null,
                inDistrict ? Integer.toString(7_100_000 + index) : null,
                inDistrict ? SyntheticRecords.school(random, grade) : null,
                guardians);
    }

    private void enroll(
            Random random,
            Youth youth,
            Program program,
            int days,
            List<Enrollment> enrollments,
            List<Attendance> attendance) {
        LocalDate start = program.startDate().plusDays(random.nextInt(21));
        enrollments.add(new Enrollment(program.key(), youth.key(), start));
        attendance.addAll(ProgramDays.sessions(random, program, youth.key(), start, days));
    }

    private static Program other(Random random, List<Program> programs, Program first) {
        List<Program> others =
                programs.stream()
                        .filter(p -> !p.providerCode().equals(first.providerCode()))
                        .toList();
        return others.get(random.nextInt(others.size()));
    }

    private Consent consent(Random random, Youth youth, Program program) {
        LocalDate signed = program.startDate().plusDays(random.nextInt(30));
        List<String> categories =
                random.nextBoolean()
                        ? List.of("SCHOOL_ATTENDANCE", "ASSESSMENTS")
                        : List.of("SCHOOL_ATTENDANCE", "GRADES", "ASSESSMENTS");
        return Consents.paper(youth, program.providerCode(), categories, signed, asOf.plusYears(1));
    }

    private Agreement agreement() {
        LocalDate until = asOf.plusYears(1);
        return new Agreement(
                AGREEMENT,
                Demo.DISTRICT,
                Demo.CITY,
                "AUDIT_EVALUATION",
                "Evaluate the city's afterschool programs against school attendance and"
                        + " achievement",
                List.of("SCHOOL_ATTENDANCE", "GRADES", "ASSESSMENTS"),
                year.firstDay().minusMonths(2),
                until,
                until.plusDays(90),
                10);
    }
}
