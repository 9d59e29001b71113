package io.steward.tools.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.steward.tools.Args;
import io.steward.tools.city.City;
import io.steward.tools.city.Consent;
import io.steward.tools.city.Demo;
import io.steward.tools.city.Program;
import io.steward.tools.city.Youth;
import io.steward.tools.edfi.EdFiCity;
import io.steward.tools.edfi.EdFiSample;
import io.steward.tools.load.Api;
import io.steward.tools.load.LoadCommand;
import io.steward.tools.load.Logins;
import io.steward.tools.load.TokenSource;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code check --edfi DIR [--api URL] [--keycloak URL]}: what a user sees after the Ed-Fi load,
 * asked with real demo tokens. The expected numbers come from reading the same folder again, never
 * from the service. {@code check --scale N --load-log FILE} checks a synthetic load instead ({@link
 * SyntheticChecks}).
 */
public final class DemoChecks {

    private final Api api;
    private final Logins logins;
    private final Results results = new Results();

    private DemoChecks(Api api, Logins logins) {
        this.api = api;
        this.logins = logins;
    }

    public static int run(String[] argv) throws Exception {
        Args args = Args.parse(argv, Set.of());
        Api api = new Api(URI.create(args.get("api", "http://127.0.0.1:8080")));
        URI endpoint =
                TokenSource.endpoint(
                        args.get("keycloak", "http://127.0.0.1:8180"),
                        args.get("realm", "steward"));
        Logins logins =
                new Logins(endpoint, System.getenv().getOrDefault("STEWARD_DEMO_PASSWORD", "demo"));
        if (!args.has("edfi")) {
            return SyntheticChecks.run(args, api, logins);
        }
        EdFiSample sample = EdFiSample.read(Path.of(args.require("edfi")));
        City city = EdFiCity.of(sample, LoadCommand.DEFAULT_SEED, LocalDate.now());
        DemoChecks checks = new DemoChecks(api, logins);
        checks.outcomes(city);
        checks.providerCannotReadOutcomes();
        checks.schoolDataOnlyForRecipients(city);
        new AcademicRecordChecks(api, logins, checks.results).caseManager(city);
        return checks.results.finish();
    }

    private void outcomes(City city) {
        TokenSource dashboard = logins.user("demo-dashboard");
        JsonNode participation =
                outcome(dashboard, "participation?groupBy=gradeLevel", "participation");
        results.check(
                "participation by gradeLevel covers all " + city.youth().size() + " students",
                participation != null
                        && participation.path("total").path("n").asInt(-1) == city.youth().size(),
                participation == null ? "no answer" : "total " + participation.path("total"));
        if (participation != null) {
            Map<String, Integer> expected = new HashMap<>();
            city.youth().forEach(y -> expected.merge(y.gradeLevel(), 1, Integer::sum));
            Set<String> seen = new HashSet<>();
            List<String> wrong = new java.util.ArrayList<>();
            for (JsonNode cell : participation.path("cells")) {
                String grade = cell.path("group").path("gradeLevel").asText();
                seen.add(grade);
                boolean shown = !cell.path("suppressed").asBoolean();
                if (shown && cell.path("n").asInt(-1) != expected.getOrDefault(grade, 0)) {
                    wrong.add(grade + " shows " + cell.path("n"));
                }
            }
            results.check(
                    "participation lists every derived grade level, each shown one exact",
                    seen.containsAll(expected.keySet()) && wrong.isEmpty(),
                    "expected " + expected + ", cells " + seen + ", wrong " + wrong);
            cellsAddUp(participation, expected);
        }
        for (String metric : List.of("school-attendance", "assessment-proficiency")) {
            JsonNode answer = outcome(dashboard, metric + "?groupBy=gradeLevel", metric);
            JsonNode value = answer == null ? null : answer.path("total").path("value");
            results.check(
                    metric + " has a value",
                    value != null && value.isNumber(),
                    answer == null ? "no answer" : "total " + answer.path("total"));
        }
    }

    /**
     * The shown cells and the suppressed ones account for the total: what the shown cells leave is
     * exactly the youth of the suppressed grades, as read from the folder. Every grade level is
     * listed, so a suppressed cell may hold nobody.
     */
    private void cellsAddUp(JsonNode answer, Map<String, Integer> expected) {
        int shown = 0;
        int inSuppressed = 0;
        int suppressed = 0;
        for (JsonNode cell : answer.path("cells")) {
            if (cell.path("suppressed").asBoolean()) {
                suppressed++;
                inSuppressed +=
                        expected.getOrDefault(cell.path("group").path("gradeLevel").asText(), 0);
            } else {
                shown += cell.path("n").asInt();
            }
        }
        int hidden = answer.path("total").path("n").asInt(-1) - shown;
        results.check(
                "participation cells add up to the total",
                hidden == inSuppressed,
                "shown "
                        + shown
                        + ", suppressed cells "
                        + suppressed
                        + " holding "
                        + inSuppressed
                        + ", left "
                        + hidden);
    }

    private JsonNode outcome(TokenSource token, String query, String metric) {
        Api.Answer answer = api.get(token, "/api/v1/outcomes/" + query);
        if (answer.status() != 200) {
            results.check(
                    "GET outcomes/" + query + " answers 200", false, "got " + answer.status());
            return null;
        }
        results.check(
                "outcomes/" + metric + " names its metric",
                metric.equals(answer.body().path("metric").asText()),
                "metric " + answer.body().path("metric"));
        return answer.body();
    }

    private void providerCannotReadOutcomes() {
        for (String metric :
                List.of("participation", "school-attendance", "assessment-proficiency")) {
            int status =
                    api.get(
                                    logins.user("demo-provider"),
                                    "/api/v1/outcomes/" + metric + "?groupBy=gradeLevel")
                            .status();
            results.check(
                    "demo-provider gets 403 on outcomes/" + metric, status == 403, "got " + status);
        }
    }

    /**
     * School metrics use only agreements naming the caller's organization: the demo evaluator's
     * organization, named by no agreement of the load, gets 404 for them, yet reads participation.
     */
    private void schoolDataOnlyForRecipients(City city) {
        boolean named =
                city.agreements().stream().anyMatch(a -> a.recipientCode().equals(Demo.EVALUATOR));
        int expected = named ? 200 : 404;
        TokenSource evaluator = logins.user("demo-evaluator");
        for (String metric :
                List.of("participation", "school-attendance", "assessment-proficiency")) {
            int want = metric.equals("participation") ? 200 : expected;
            int status =
                    api.get(evaluator, "/api/v1/outcomes/" + metric + "?groupBy=gradeLevel")
                            .status();
            results.check(
                    "demo-evaluator ("
                            + Demo.EVALUATOR
                            + ") gets "
                            + want
                            + " on outcomes/"
                            + metric,
                    status == want,
                    "got " + status);
        }
    }

    /** Expected consented categories of each Northside youth, from the load's own rules. */
    static Map<String, Set<String>> northsideConsents(City city) {
        Map<String, Set<String>> categories = new HashMap<>();
        for (Consent c : city.consents()) {
            if (c.recipientCode().equals(Demo.NORTHSIDE)) {
                categories
                        .computeIfAbsent(c.youthKey(), k -> new HashSet<>())
                        .addAll(c.dataCategories());
            }
        }
        return categories;
    }

    static Set<String> youthOf(City city, String provider) {
        Map<String, String> providerOf = new HashMap<>();
        for (Program p : city.programs()) {
            providerOf.put(p.key(), p.providerCode());
        }
        Set<String> keys = new HashSet<>();
        city.enrollments().stream()
                .filter(e -> provider.equals(providerOf.get(e.programKey())))
                .forEach(e -> keys.add(e.youthKey()));
        return keys;
    }

    static String lookupPath(Youth y) {
        return "/api/v1/participants?districtCode="
                + Api.query(y.districtCode())
                + "&districtStudentId="
                + Api.query(y.districtStudentId());
    }
}
