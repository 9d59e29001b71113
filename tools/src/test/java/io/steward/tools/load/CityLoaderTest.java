package io.steward.tools.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steward.tools.city.City;
import io.steward.tools.city.Demo;
import io.steward.tools.city.Program;
import io.steward.tools.city.SyntheticCity;
import io.steward.tools.city.Youth;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CityLoaderTest {

    static City city;
    static List<FakeSteward.Call> calls;
    static String output;

    @BeforeAll
    static void load() throws Exception {
        city = SyntheticCity.generate(3, 1, LocalDate.of(2026, 1, 15), 80);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (FakeSteward fake = new FakeSteward()) {
            Logins logins =
                    new Logins(TokenSource.endpoint(fake.base().toString(), "steward"), "demo");
            new CityLoader(new Api(fake.base()), logins, new Progress(new PrintStream(printed)))
                    .load(city);
            calls = List.copyOf(fake.calls);
        }
        output = printed.toString();
    }

    @Test
    void load_organizationsProgramsAndAgreements_byTheCityAdmin() {
        assertEquals(6, count("POST", "/api/v1/organizations", "demo-admin"));
        assertEquals(6, count("POST", "/api/v1/programs", "demo-admin"));
        assertEquals(1, count("POST", "/api/v1/agreements", "demo-admin"));
        assertEquals(1, count("POST", "/signature", "demo-steward"));
    }

    @Test
    void load_importsDistrictYouth_asCsvByEachProvidersStaff() {
        Map<String, String> providerOf = new HashMap<>();
        city.programs().forEach(p -> providerOf.put(p.key(), p.providerCode()));
        Set<String> inDistrict =
                city.youth().stream()
                        .filter(Youth::inDistrict)
                        .map(Youth::key)
                        .collect(Collectors.toSet());
        int expectedRows = 0;
        for (var e : city.enrollments()) {
            expectedRows += inDistrict.contains(e.youthKey()) ? 1 : 0;
        }
        int rows = 0;
        for (FakeSteward.Call call : calls) {
            if (call.path().equals("/api/v1/imports/enrollments")) {
                assertEquals("text/csv", call.contentType());
                assertTrue(Demo.PROVIDER_LOGIN.containsValue(call.user()), call.user());
                rows += (int) call.body().lines().count() - 1;
            }
        }
        assertEquals(expectedRows, rows);
        long outside = city.youth().stream().filter(y -> !y.inDistrict()).count();
        assertEquals(outside, count("POST", "/api/v1/participants", null));
    }

    @Test
    void load_attendanceRows_allSentByTheProgramsProvider() throws Exception {
        int rows = 0;
        for (FakeSteward.Call call : calls) {
            if (call.method().equals("PUT") && call.path().endsWith("/attendance")) {
                rows += Api.JSON.readTree(call.body()).size();
                assertTrue(Demo.PROVIDER_LOGIN.containsValue(call.user()));
            }
        }
        assertEquals(city.attendance().size(), rows);
    }

    @Test
    void load_schoolRecordsAsNdjson_byTheDistrictSteward() {
        int rows = 0;
        for (FakeSteward.Call call : calls) {
            if (call.path().endsWith("/academic-records")) {
                assertEquals("demo-steward", call.user());
                assertEquals("application/x-ndjson", call.contentType());
                rows += (int) call.body().lines().count();
            }
        }
        assertEquals(city.schoolRecords().size(), rows);
    }

    @Test
    void load_consents_recordedByTheNamedProvidersStaff() {
        Map<String, Long> byUser =
                calls.stream()
                        .filter(c -> c.method().equals("POST") && c.path().endsWith("/consents"))
                        .collect(
                                Collectors.groupingBy(
                                        FakeSteward.Call::user, Collectors.counting()));
        Map<String, Long> expected =
                city.consents().stream()
                        .collect(
                                Collectors.groupingBy(
                                        c -> Demo.PROVIDER_LOGIN.get(c.recordedBy()),
                                        Collectors.counting()));
        assertEquals(expected, byUser);
    }

    @Test
    void load_guardianLinks_carryTheGuardianSubject() {
        List<FakeSteward.Call> links =
                calls.stream().filter(c -> c.path().endsWith("/guardian-links")).toList();
        assertEquals(2, links.size());
        assertTrue(links.stream().allMatch(c -> c.body().contains("\"demo-guardian\"")));
    }

    @Test
    void load_progress_namesCountsNotPeople() {
        assertTrue(output.contains("attendance rows " + city.attendance().size() + "/"));
        for (Youth y : city.youth().subList(0, 20)) {
            assertTrue(!output.contains(y.lastName() + ","), "no names in progress output");
        }
        assertTrue(output.contains("load finished"));
        assertTrue(city.programs().stream().map(Program::name).allMatch(n -> !n.isBlank()));
    }

    private static long count(String method, String pathPart, String user) {
        return calls.stream()
                .filter(c -> c.method().equals(method))
                .filter(
                        c ->
                                pathPart.startsWith("/api")
                                        ? c.path().equals(pathPart)
                                        : c.path().endsWith(pathPart))
                .filter(c -> user == null || user.equals(c.user()))
                .count();
    }
}
