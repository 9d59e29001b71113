package io.steward.tools.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.steward.tools.Args;
import io.steward.tools.city.City;
import io.steward.tools.city.Consent;
import io.steward.tools.city.Demo;
import io.steward.tools.city.Enrollment;
import io.steward.tools.city.Program;
import io.steward.tools.city.SchoolRecord;
import io.steward.tools.city.SchoolYear;
import io.steward.tools.city.SyntheticCity;
import io.steward.tools.city.Youth;
import io.steward.tools.load.Api;
import io.steward.tools.load.CityLoader;
import io.steward.tools.load.LoadCommand;
import io.steward.tools.load.Logins;
import io.steward.tools.load.TokenSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code check --scale N --load-log FILE [--seed S] [--api URL] [--keycloak URL]}: what the API
 * holds after {@code load --scale N}, asked with real demo tokens. The expected city is generated
 * again from the same seed and scale, never read from the service: the loader's log must announce
 * that city and end with its last step; city-admin must list every program, enrollment and
 * attendance row on the right youth; each provider must list only its own programs; the second
 * provider must read exactly its own participants, its own record of a youth without a district key
 * included; consents, guardian links and school data must show where the contract says. Details
 * name youth by their generated key ({@code Y000123}), never by personal data.
 */
final class SyntheticChecks {

    static final String SECOND_PROVIDER = Demo.HARBOR;
    private static final String YEAR = SchoolYear.SY_2021_2022.label();

    private final Api api;
    private final Logins logins;
    private final Results results;
    private final City city;
    private final Map<String, Program> programs = new LinkedHashMap<>();
    private final Map<String, Youth> youth = new LinkedHashMap<>();
    private final Map<String, String> byIdentity = new HashMap<>();

    /** Read as city-admin: program id by program key, enrolled participant ids by program key. */
    private final Map<String, String> programIds = new HashMap<>();

    private final Map<String, List<String>> enrolled = new HashMap<>();

    /** Youth key of each participant id city-admin lists ("?" when it matches no youth). */
    private final Map<String, String> youthOf = new HashMap<>();

    SyntheticChecks(Api api, Logins logins, Results results, City city) {
        this.api = api;
        this.logins = logins;
        this.results = results;
        this.city = city;
        city.programs().forEach(p -> programs.put(p.key(), p));
        city.youth().forEach(y -> youth.put(y.key(), y));
        city.youth().forEach(y -> byIdentity.put(identity(y), y.key()));
    }

    static int run(Args args, Api api, Logins logins) throws IOException {
        if (!args.has("scale")) {
            throw new IllegalArgumentException(
                    "check needs --edfi DIR, or --scale N --load-log FILE");
        }
        City city =
                SyntheticCity.generate(
                        args.number("seed", LoadCommand.DEFAULT_SEED),
                        args.integer("scale", 1),
                        LocalDate.now());
        Path log = Path.of(args.require("load-log"));
        Results results = new Results();
        SyntheticChecks checks = new SyntheticChecks(api, logins, results, city);
        checks.loadLog(Files.readAllLines(log, StandardCharsets.UTF_8));
        checks.cityAdmin();
        for (String provider : Demo.PROVIDERS) {
            checks.providerPrograms(provider);
        }
        checks.secondProvider();
        new AcademicRecordChecks(api, logins, results).caseManager(city);
        checks.guardian();
        checks.outcomes();
        return results.finish();
    }

    /** The loader announced this very city and reached its last step. */
    void loadLog(List<String> lines) {
        String announced = "] loading " + CityLoader.summary(city);
        boolean skipped = lines.stream().anyMatch(l -> l.endsWith("] " + CityLoader.SKIPPED));
        results.check(
                "the loader announced " + CityLoader.summary(city),
                lines.stream().anyMatch(l -> l.endsWith(announced)),
                skipped
                        ? "the load was skipped: the database held a city already; start from an"
                                + " empty one"
                        : "no such line in the load log");
        results.check(
                "the load ran to its end",
                lines.stream().anyMatch(l -> l.endsWith("] " + CityLoader.FINISHED)),
                "no \"" + CityLoader.FINISHED + "\" line in the load log");
    }

    /** City-admin reads every program, enrollment and attendance row of the city. */
    private void cityAdmin() {
        TokenSource admin = logins.admin();
        Map<String, String> keyOf = new HashMap<>();
        programs.values().forEach(p -> keyOf.put(p.providerCode() + "/" + p.name(), p.key()));
        Set<String> listed = new HashSet<>();
        for (JsonNode p : api.all(admin, "/api/v1/programs")) {
            String name = p.path("providerCode").asText() + "/" + p.path("name").asText();
            listed.add(name);
            if (keyOf.containsKey(name)) {
                programIds.put(keyOf.get(name), p.path("id").asText());
            }
        }
        results.check(
                "city-admin lists the city's " + programs.size() + " programs",
                listed.equals(keyOf.keySet()),
                "listed " + listed.size() + ", of the city's " + programIds.size());
        for (String key : programIds.keySet()) {
            List<String> ids = new ArrayList<>();
            for (JsonNode e : api.all(admin, enrollmentsPath(key))) {
                ids.add(e.path("participantId").asText());
            }
            enrolled.put(key, ids);
        }
        identify(admin);
        enrollments();
        participantRecords();
        attendance(admin);
    }

    /** Reads each enrolled participant once and finds its youth in the generated city. */
    private void identify(TokenSource admin) {
        Set<String> ids = new HashSet<>();
        enrolled.values().forEach(ids::addAll);
        for (String id : ids) {
            Api.Answer answer = api.get(admin, "/api/v1/participants/" + id);
            youthOf.put(id, answer.status() == 200 ? youthKey(answer.body()) : "?");
        }
    }

    private void enrollments() {
        List<String> wrong = new ArrayList<>();
        for (Program program : programs.values()) {
            List<String> expected = new ArrayList<>();
            city.enrollments().stream()
                    .filter(e -> e.programKey().equals(program.key()))
                    .forEach(e -> expected.add(e.youthKey()));
            List<String> got = new ArrayList<>();
            enrolled.getOrDefault(program.key(), List.of()).forEach(id -> got.add(youthOf.get(id)));
            if (!counts(expected).equals(counts(got))) {
                wrong.add(program.key() + " expected " + expected.size() + ", got " + got.size());
            }
        }
        results.check(
                "city-admin lists all "
                        + city.enrollments().size()
                        + " enrollments, each of its youth",
                wrong.isEmpty(),
                "programs wrong: " + wrong);
    }

    /**
     * One participant per district youth; a youth without a district key has one record per
     * provider, since no provider can match it to another's.
     */
    private void participantRecords() {
        Map<String, Set<String>> providers = providersOf();
        Map<String, Integer> expected = new TreeMap<>();
        int shared = 0;
        for (Youth y : youth.values()) {
            int records = y.inDistrict() ? 1 : providers.get(y.key()).size();
            expected.put(y.key(), records);
            if (!y.inDistrict() && records > 1) {
                shared++;
            }
        }
        Map<String, Integer> got = new TreeMap<>(counts(new ArrayList<>(youthOf.values())));
        List<String> wrong = new ArrayList<>();
        for (String key : union(expected.keySet(), got.keySet())) {
            if (!expected.getOrDefault(key, 0).equals(got.getOrDefault(key, 0))) {
                wrong.add(key + " " + got.getOrDefault(key, 0) + "/" + expected.get(key));
            }
        }
        int records = expected.values().stream().mapToInt(Integer::intValue).sum();
        results.check(
                "the city has youth without a district key enrolled by two providers",
                shared > 0,
                "none; a larger --scale is needed");
        results.check(
                records
                        + " participant records: one per district youth, one per provider for "
                        + shared
                        + " youth without a key",
                wrong.isEmpty(),
                wrong.size() + " youth wrong, first: " + wrong.stream().limit(5).toList());
    }

    /** Every attendance row of a program sits on that program's own enrollment of its youth. */
    private void attendance(TokenSource admin) {
        List<String> wrong = new ArrayList<>();
        int elsewhere = 0;
        for (Program program : programs.values()) {
            List<String> expected = new ArrayList<>();
            city.attendance().stream()
                    .filter(a -> a.programKey().equals(program.key()))
                    .forEach(a -> expected.add(a.youthKey() + " " + a.date() + " " + a.minutes()));
            if (!programIds.containsKey(program.key())) {
                wrong.add(program.key() + " not listed");
                continue;
            }
            Set<String> own = new HashSet<>(enrolled.get(program.key()));
            List<String> got = new ArrayList<>();
            for (JsonNode row : api.all(admin, attendancePath(program.key()))) {
                String id = row.path("participantId").asText();
                elsewhere += own.contains(id) ? 0 : 1;
                got.add(
                        youthOf.getOrDefault(id, "?")
                                + " "
                                + row.path("date").asText()
                                + " "
                                + row.path("minutes").asInt());
            }
            if (!counts(expected).equals(counts(got))) {
                wrong.add(program.key() + " expected " + expected.size() + ", got " + got.size());
            }
        }
        results.check(
                "city-admin lists all " + city.attendance().size() + " attendance rows as loaded",
                wrong.isEmpty(),
                "programs wrong: " + wrong);
        results.check(
                "every attendance row is on its program's own enrollment",
                elsewhere == 0,
                elsewhere + " rows on a participant the program does not enroll");
    }

    /** Provider staff list their own programs and enrollments only. */
    private void providerPrograms(String provider) {
        TokenSource staff = logins.provider(provider);
        Set<String> own = new HashSet<>();
        programs.values().stream()
                .filter(p -> p.providerCode().equals(provider))
                .forEach(p -> own.add(programIds.get(p.key())));
        Set<String> listed = new HashSet<>();
        api.all(staff, "/api/v1/programs").forEach(p -> listed.add(p.path("id").asText()));
        results.check(
                provider + " lists only its " + own.size() + " programs",
                listed.equals(own),
                "listed " + listed.size() + ", " + intersection(listed, own).size() + " its own");
        int expected = 0;
        int got = 0;
        List<String> seen = new ArrayList<>();
        for (Program program : programs.values()) {
            String path = enrollmentsPath(program.key());
            if (program.providerCode().equals(provider)) {
                expected += enrolled.get(program.key()).size();
                got += api.all(staff, path).size();
            } else {
                int status = api.get(staff, path).status();
                if (status != 404) {
                    seen.add(program.key() + " " + status);
                }
            }
        }
        results.check(
                provider + " lists the " + expected + " enrollments of its programs",
                got == expected && expected > 0,
                "got " + got);
        results.check(
                provider + " gets 404 on the enrollments of other providers' programs",
                seen.isEmpty(),
                "answered " + seen);
    }

    /**
     * The second provider reads exactly its own participants, its own records of the youth without
     * a district key it shares with another provider included, and sees the consents it recorded on
     * them.
     */
    private void secondProvider() {
        String provider = SECOND_PROVIDER;
        TokenSource staff = logins.provider(provider);
        Set<String> own = new HashSet<>();
        Set<String> others = new HashSet<>();
        programs.values()
                .forEach(
                        p ->
                                (p.providerCode().equals(provider) ? own : others)
                                        .addAll(enrolled.getOrDefault(p.key(), List.of())));
        others.removeAll(own);
        Map<String, Integer> status = new HashMap<>();
        List<String> unread = new ArrayList<>();
        Map<String, Long> consents = new TreeMap<>();
        for (String id : own) {
            Api.Answer answer = api.get(staff, "/api/v1/participants/" + id);
            status.put(id, answer.status());
            String key = answer.status() == 200 ? youthKey(answer.body()) : "-";
            if (!youthOf.get(id).equals(key)) {
                unread.add(youthOf.get(id) + " " + answer.status());
                continue;
            }
            Api.Answer listed = api.get(staff, "/api/v1/participants/" + id + "/consents");
            long recorded =
                    AcademicRecordChecks.items(listed).stream()
                            .filter(c -> c.path("recipientCode").asText().equals(provider))
                            .count();
            if (listed.status() != 200 || recorded > 0) {
                consents.put(key, listed.status() == 200 ? recorded : -1L);
            }
        }
        List<String> shown = new ArrayList<>();
        for (String id : others) {
            status.put(id, api.get(staff, "/api/v1/participants/" + id).status());
            if (status.get(id) != 404) {
                shown.add(youthOf.get(id) + " " + status.get(id));
            }
        }
        results.check(
                provider + " reads each of its " + own.size() + " participants",
                unread.isEmpty() && !own.isEmpty(),
                unread.size() + " not read, first: " + unread.stream().limit(5).toList());
        results.check(
                provider
                        + " gets 404 for each of the "
                        + others.size()
                        + " participants it does not enroll",
                shown.isEmpty() && !others.isEmpty(),
                shown.size() + " answered, first: " + shown.stream().limit(5).toList());
        sharedWithoutKey(provider, own, status);
        Map<String, Long> expected = new TreeMap<>();
        for (Consent c : city.consents()) {
            if (c.recordedBy().equals(provider)) {
                expected.merge(c.youthKey(), 1L, Long::sum);
            }
        }
        results.check(
                provider
                        + " lists the paper consents it recorded for "
                        + expected.size()
                        + " youth",
                consents.equals(expected) && !expected.isEmpty(),
                "expected " + expected.size() + " youth with consents, got " + consents);
    }

    /**
     * Each youth without a key that the provider and another both enroll: the provider reads its
     * own record of it (one) and gets 404 for the other provider's.
     */
    private void sharedWithoutKey(String provider, Set<String> own, Map<String, Integer> status) {
        Map<String, Set<String>> providers = providersOf();
        int shared = 0;
        List<String> wrong = new ArrayList<>();
        for (Youth y : youth.values()) {
            Set<String> of = providers.get(y.key());
            if (y.inDistrict() || of.size() < 2 || !of.contains(provider)) {
                continue;
            }
            shared++;
            List<Integer> mine = new ArrayList<>();
            List<Integer> theirs = new ArrayList<>();
            status.forEach(
                    (id, answer) -> {
                        if (youthOf.get(id).equals(y.key())) {
                            (own.contains(id) ? mine : theirs).add(answer);
                        }
                    });
            if (!mine.equals(List.of(200))
                    || theirs.size() != of.size() - 1
                    || theirs.stream().anyMatch(a -> a != 404)) {
                wrong.add(y.key() + " own " + mine + ", others' " + theirs);
            }
        }
        results.check(
                provider
                        + " reads its own record of each of the "
                        + shared
                        + " youth without a key it shares, and gets 404 for the other's",
                wrong.isEmpty() && shared > 0,
                shared == 0 ? "no such youth in this city" : "wrong: " + wrong);
    }

    /** The demo guardian reads the youth linked to it, and gets 404 for another. */
    private void guardian() {
        TokenSource guardian = logins.guardian();
        Set<String> linked = new HashSet<>(city.demoGuardianYouth());
        List<String> wrong = new ArrayList<>();
        int read = 0;
        String other = null;
        for (Map.Entry<String, String> e : new TreeMap<>(youthOf).entrySet()) {
            if (linked.contains(e.getValue())) {
                int status = api.get(guardian, "/api/v1/participants/" + e.getKey()).status();
                read += status == 200 ? 1 : 0;
                if (status != 200) {
                    wrong.add(e.getValue() + " " + status);
                }
            } else if (other == null) {
                other = e.getKey();
            }
        }
        int status =
                other == null ? -1 : api.get(guardian, "/api/v1/participants/" + other).status();
        if (status != 404) {
            wrong.add("another youth " + status);
        }
        results.check(
                "demo-guardian reads its " + linked.size() + " linked youth and not another",
                wrong.isEmpty() && read == linked.size() && !linked.isEmpty(),
                "read " + read + ", wrong " + wrong);
    }

    /** Outcomes of the school year: school data under the agreement, suppression on. */
    private void outcomes() {
        TokenSource dashboard = logins.user("demo-dashboard");
        Set<String> attending = new HashSet<>();
        Set<String> assessed = new HashSet<>();
        for (SchoolRecord r : city.schoolRecords()) {
            if (r.category().equals("SCHOOL_ATTENDANCE")) {
                attending.add(r.districtStudentId());
            } else if (r.category().equals("ASSESSMENTS")) {
                assessed.add(r.districtStudentId());
            }
        }
        for (String metric : List.of("school-attendance", "assessment-proficiency")) {
            int expected = metric.equals("school-attendance") ? attending.size() : assessed.size();
            JsonNode answer = outcome(dashboard, metric, "provider");
            JsonNode total = answer == null ? null : answer.path("total");
            results.check(
                    metric
                            + " counts all "
                            + expected
                            + " students with such records, with a value",
                    total != null
                            && total.path("n").asInt(-1) == expected
                            && total.path("value").isNumber(),
                    total == null ? "no answer" : "total " + total);
        }
        JsonNode participation = outcome(dashboard, "participation", "gradeLevel");
        if (participation == null) {
            return;
        }
        int minimum = participation.path("minimumCellSize").asInt(-1);
        Map<String, Integer> perGrade = new HashMap<>();
        Map<String, Set<String>> providers = providersOf();
        for (Youth y : youth.values()) {
            int records = y.inDistrict() ? 1 : providers.get(y.key()).size();
            perGrade.merge(y.gradeLevel(), records, Integer::sum);
        }
        int suppressed = 0;
        List<String> wrong = new ArrayList<>();
        for (JsonNode cell : participation.path("cells")) {
            String grade = cell.path("group").path("gradeLevel").asText();
            if (cell.path("suppressed").asBoolean()) {
                suppressed++;
                if (!cell.path("n").isNull() || !cell.path("value").isNull()) {
                    wrong.add(grade + " suppressed but shows a number");
                }
            } else if (cell.path("n").asInt(-1) < minimum
                    || cell.path("n").asInt(-1) != perGrade.getOrDefault(grade, 0)) {
                wrong.add(grade + " shows " + cell.path("n"));
            }
        }
        results.check(
                "participation by gradeLevel suppresses cells below "
                        + minimum
                        + " and shows"
                        + " the others exact",
                minimum >= 10 && suppressed > 0 && wrong.isEmpty(),
                "minimum " + minimum + ", " + suppressed + " suppressed, wrong " + wrong);
    }

    private JsonNode outcome(TokenSource token, String metric, String groupBy) {
        String query = metric + "?groupBy=" + groupBy + "&schoolYear=" + YEAR;
        Api.Answer answer = api.get(token, "/api/v1/outcomes/" + query);
        boolean ok = answer.status() == 200 && metric.equals(answer.body().path("metric").asText());
        results.check(
                "GET outcomes/" + query + " answers 200 for its metric",
                ok,
                "got " + answer.status());
        return ok ? answer.body() : null;
    }

    /** The providers that enroll each youth. */
    private Map<String, Set<String>> providersOf() {
        Map<String, Set<String>> of = new HashMap<>();
        for (Enrollment e : city.enrollments()) {
            of.computeIfAbsent(e.youthKey(), k -> new HashSet<>())
                    .add(programs.get(e.programKey()).providerCode());
        }
        return of;
    }

    private String youthKey(JsonNode participant) {
        return byIdentity.getOrDefault(identity(participant), "?");
    }

    private String enrollmentsPath(String programKey) {
        return "/api/v1/programs/" + programIds.get(programKey) + "/enrollments";
    }

    private String attendancePath(String programKey) {
        return "/api/v1/programs/" + programIds.get(programKey) + "/attendance";
    }

    /** What tells a youth apart: its district key, else its name and birth date. */
    static String identity(Youth y) {
        return y.inDistrict()
                ? "student " + y.districtCode() + "/" + y.districtStudentId()
                : "no key " + y.firstName() + "/" + y.lastName() + "/" + y.dateOfBirth();
    }

    static String identity(JsonNode p) {
        return p.hasNonNull("districtStudentId")
                ? "student "
                        + p.path("districtCode").asText()
                        + "/"
                        + p.path("districtStudentId").asText()
                : "no key "
                        + p.path("firstName").asText()
                        + "/"
                        + p.path("lastName").asText()
                        + "/"
                        + p.path("dateOfBirth").asText();
    }

    private static Map<String, Integer> counts(List<String> values) {
        Map<String, Integer> counts = new HashMap<>();
        values.forEach(v -> counts.merge(v, 1, Integer::sum));
        return counts;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private static Set<String> intersection(Set<String> a, Set<String> b) {
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return both;
    }
}
