package io.steward.tools.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.steward.tools.city.City;
import io.steward.tools.city.Demo;
import io.steward.tools.city.Youth;
import io.steward.tools.load.Api;
import io.steward.tools.load.Logins;
import io.steward.tools.load.TokenSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The case manager of the demo provider reads academic records exactly where a guardian's consent
 * names its organization, and only the consented categories; for its youth without consent it gets
 * nothing; a youth of another provider stays invisible (404).
 */
final class AcademicRecordChecks {

    private final Api api;
    private final Logins logins;
    private final Results results;

    AcademicRecordChecks(Api api, Logins logins, Results results) {
        this.api = api;
        this.logins = logins;
        this.results = results;
    }

    void caseManager(City city) {
        TokenSource token = logins.user("demo-casemanager");
        Map<String, Set<String>> consented = DemoChecks.northsideConsents(city);
        Set<String> northside = DemoChecks.youthOf(city, Demo.NORTHSIDE);
        int withConsent = 0;
        int withRecords = 0;
        List<String> wrong = new ArrayList<>();
        for (Youth y : city.youth()) {
            // A youth without a district key has no school records and cannot be looked up.
            if (!northside.contains(y.key()) || !y.inDistrict()) {
                continue;
            }
            String id = participantId(token, y);
            if (id == null) {
                wrong.add(y.key() + ": not found by its student key");
                continue;
            }
            Set<String> allowed = consented.getOrDefault(y.key(), Set.of());
            Api.Answer answer = api.get(token, "/api/v1/participants/" + id + "/academic-records");
            List<JsonNode> records = items(answer);
            Set<String> categories = new HashSet<>();
            records.forEach(r -> categories.add(r.path("category").asText()));
            if (!allowed.isEmpty()) {
                withConsent++;
                if (answer.status() != 200
                        || records.isEmpty()
                        || !allowed.containsAll(categories)) {
                    wrong.add(
                            y.key()
                                    + ": consent "
                                    + allowed
                                    + ", got "
                                    + answer.status()
                                    + " "
                                    + categories);
                } else {
                    withRecords++;
                }
            } else if (!(answer.status() == 403 || (answer.status() == 200 && records.isEmpty()))) {
                wrong.add(y.key() + ": no consent, got " + answer.status() + " " + categories);
            }
        }
        results.check(
                "the demo provider has youth with and without consent",
                withConsent > 0 && withConsent < northside.size(),
                withConsent + " of " + northside.size());
        results.check(
                "demo-casemanager reads records for all " + withConsent + " consented youth",
                withRecords == withConsent && withConsent > 0,
                withRecords + " read");
        results.check(
                "demo-casemanager reads academic records exactly where consent exists",
                wrong.isEmpty(),
                wrong.size() + " youth wrong, first: " + wrong.stream().limit(3).toList());
        otherProvidersYouthInvisible(city, token);
    }

    private void otherProvidersYouthInvisible(City city, TokenSource caseManager) {
        Set<String> harbor = DemoChecks.youthOf(city, Demo.HARBOR);
        Set<String> northside = DemoChecks.youthOf(city, Demo.NORTHSIDE);
        Youth other =
                city.youth().stream()
                        .filter(y -> harbor.contains(y.key()) && !northside.contains(y.key()))
                        .filter(Youth::inDistrict)
                        .findFirst()
                        .orElseThrow();
        String id = participantId(logins.provider(Demo.HARBOR), other);
        int status =
                id == null
                        ? -1
                        : api.get(caseManager, "/api/v1/participants/" + id + "/academic-records")
                                .status();
        results.check(
                "demo-casemanager gets 404 for another provider's youth",
                status == 404,
                "got " + status);
    }

    private String participantId(TokenSource token, Youth y) {
        Api.Answer answer = api.get(token, DemoChecks.lookupPath(y));
        List<JsonNode> found = answer.status() == 200 ? items(answer) : List.of();
        if (found.isEmpty() && answer.status() == 200 && answer.body().has("id")) {
            return answer.body().get("id").asText();
        }
        return found.isEmpty() ? null : found.get(0).path("id").asText();
    }

    /** The items of a list answer, bare array or page. */
    static List<JsonNode> items(Api.Answer answer) {
        List<JsonNode> items = new ArrayList<>();
        JsonNode body = answer.body();
        JsonNode list = body.isArray() ? body : body.path("items");
        list.forEach(items::add);
        return items;
    }
}
