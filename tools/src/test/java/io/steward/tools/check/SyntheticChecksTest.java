package io.steward.tools.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.steward.tools.city.City;
import io.steward.tools.city.SyntheticCity;
import io.steward.tools.city.Youth;
import io.steward.tools.load.Api;
import io.steward.tools.load.CityLoader;
import io.steward.tools.load.Progress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyntheticChecksTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 1, 15);
    static final City CITY = SyntheticCity.generate(5, 1, AS_OF, 60);

    @Test
    void loadLog_thisCityToItsEnd_passes() {
        assertEquals(0, loadLog(CITY, "loading " + CityLoader.summary(CITY), CityLoader.FINISHED));
    }

    @Test
    void loadLog_skippedLoad_fails() {
        assertEquals(1, loadLog(CITY, CityLoader.SKIPPED));
    }

    @Test
    void loadLog_stoppedBeforeItsEnd_fails() {
        assertEquals(1, loadLog(CITY, "loading " + CityLoader.summary(CITY), "programs: 6"));
    }

    @Test
    void loadLog_anotherCity_fails() {
        City other = SyntheticCity.generate(5, 2, AS_OF, 60);
        assertNotEquals(CityLoader.summary(CITY), CityLoader.summary(other));
        assertEquals(1, loadLog(CITY, "loading " + CityLoader.summary(other), CityLoader.FINISHED));
    }

    @Test
    void identity_ofTheServicesView_isThatOfItsYouth() {
        Youth district = CITY.youth().stream().filter(Youth::inDistrict).findFirst().orElseThrow();
        Youth keyless =
                CITY.youth().stream().filter(y -> !y.inDistrict()).findFirst().orElseThrow();
        assertEquals(SyntheticChecks.identity(district), SyntheticChecks.identity(view(district)));
        assertEquals(SyntheticChecks.identity(keyless), SyntheticChecks.identity(view(keyless)));
        assertTrue(SyntheticChecks.identity(keyless).startsWith("no key "));
        assertNotEquals(SyntheticChecks.identity(district), SyntheticChecks.identity(keyless));
    }

    /** The status {@code Results.finish} gives after the load log checks over these lines. */
    private static int loadLog(City city, String... steps) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Progress progress = new Progress(new PrintStream(printed, true, StandardCharsets.UTF_8));
        for (String step : steps) {
            progress.step(step);
        }
        Results results = new Results();
        new SyntheticChecks(null, null, results, city)
                .loadLog(List.of(printed.toString(StandardCharsets.UTF_8).split("\n")));
        return results.finish();
    }

    /** A participant as the service shows it: no district fields for a youth without a key. */
    private static JsonNode view(Youth y) {
        Map<String, Object> view = new HashMap<>();
        view.put("id", "00000000-0000-4000-8000-000000000001");
        view.put("firstName", y.firstName());
        view.put("lastName", y.lastName());
        view.put("dateOfBirth", y.dateOfBirth().toString());
        view.put("gradeLevel", y.gradeLevel());
        view.put("districtCode", y.districtCode());
        view.put("districtStudentId", y.districtStudentId());
        return Api.JSON.valueToTree(view);
    }
}
