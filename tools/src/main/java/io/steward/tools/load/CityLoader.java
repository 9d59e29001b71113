package io.steward.tools.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.steward.tools.city.City;
import io.steward.tools.city.Demo;
import io.steward.tools.city.Org;
import io.steward.tools.city.Program;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loads a {@link City} into Steward through the public API only, each call with the token of the
 * demo user whose role may make it: the city admin makes organizations, programs and the agreement;
 * provider staff enroll, record attendance and paper consents; the district steward signs the
 * agreement and uploads school records.
 */
public final class CityLoader {

    /** The last progress line of a load that ran to its end. */
    public static final String FINISHED = "load finished";

    /** The progress line of a load skipped because the database holds a city already. */
    public static final String SKIPPED =
            "data already loaded (organization of the city exists); skipping";

    private final Api api;
    private final Logins logins;
    private final Progress progress;

    public CityLoader(Api api, Logins logins, Progress progress) {
        this.api = api;
        this.logins = logins;
        this.progress = progress;
    }

    /** Whether a previous load got as far as making the city's organization. */
    public boolean alreadyLoaded() {
        Api.Answer answer = api.get(logins.admin(), "/api/v1/organizations/" + Demo.CITY);
        return Api.expect("GET organization", answer, 200, 404).status() == 200;
    }

    public void load(City city) throws Exception {
        progress.step("loading " + summary(city));
        organizations(city);
        Map<String, String> programIds = programs(city);
        Map<String, String> participantIds =
                new EnrollmentLoader(api, logins, progress).load(city, programIds);
        RecordLoader records = new RecordLoader(api, logins, progress);
        records.attendance(city, programIds, participantIds);
        records.guardianLinks(city, participantIds);
        records.agreementsAndSchoolData(city);
        records.consents(city, participantIds);
        progress.step(FINISHED);
    }

    /** What a load of this city sends, in counts: the line a load starts with, after "loading". */
    public static String summary(City city) {
        return city.youth().size()
                + " youth, "
                + city.enrollments().size()
                + " enrollments, "
                + city.attendance().size()
                + " attendance rows, "
                + city.schoolRecords().size()
                + " school records, "
                + city.consents().size()
                + " consents";
    }

    private void organizations(City city) {
        int made = 0;
        for (Org org : city.organizations()) {
            Api.Answer existing = api.get(logins.admin(), "/api/v1/organizations/" + org.code());
            if (Api.expect("GET organization", existing, 200, 404).status() == 404) {
                Api.expect(
                        "POST /api/v1/organizations",
                        api.postJson(logins.admin(), "/api/v1/organizations", org),
                        201);
                made++;
            }
        }
        progress.step(
                "organizations: " + made + " made, " + city.organizations().size() + " in all");
    }

    private Map<String, String> programs(City city) {
        Map<String, String> existing = new HashMap<>();
        for (JsonNode p : api.all(logins.admin(), "/api/v1/programs")) {
            existing.put(
                    p.path("providerCode").asText() + "/" + p.path("name").asText(),
                    p.path("id").asText());
        }
        Map<String, String> ids = new LinkedHashMap<>();
        for (Program program : city.programs()) {
            String key = program.providerCode() + "/" + program.name();
            String id = existing.get(key);
            if (id == null) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("providerCode", program.providerCode());
                body.put("name", program.name());
                body.put("site", program.site());
                body.put("startDate", program.startDate());
                body.put("endDate", program.endDate());
                if (program.capacity() != null) {
                    body.put("capacity", program.capacity());
                }
                JsonNode created =
                        Api.expect(
                                        "POST /api/v1/programs",
                                        api.postJson(logins.admin(), "/api/v1/programs", body),
                                        201)
                                .body();
                id = created.get("id").asText();
            }
            ids.put(program.key(), id);
        }
        progress.step("programs: " + ids.size());
        return ids;
    }
}
