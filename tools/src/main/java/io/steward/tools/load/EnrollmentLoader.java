package io.steward.tools.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.steward.tools.city.City;
import io.steward.tools.city.CityWriter;
import io.steward.tools.city.Enrollment;
import io.steward.tools.city.Guardian;
import io.steward.tools.city.Program;
import io.steward.tools.city.Youth;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Youth and enrollments, as a provider's enrollment script would send them: district students
 * through {@code POST /imports/enrollments} (CSV, one import per provider and chunk, polled to the
 * end), youth the district does not know one by one through {@code POST /participants} and {@code
 * POST /programs/{id}/enrollments}. Ends with the participant id of every youth.
 */
final class EnrollmentLoader {

    static final int IMPORT_CHUNK = 500;

    private final Api api;
    private final Logins logins;
    private final Progress progress;

    EnrollmentLoader(Api api, Logins logins, Progress progress) {
        this.api = api;
        this.logins = logins;
        this.progress = progress;
    }

    /** Loads the city's youth and enrollments; answers participant id by youth key. */
    Map<String, String> load(City city, Map<String, String> programIds) throws Exception {
        Map<String, Program> programs = new HashMap<>();
        city.programs().forEach(p -> programs.put(p.key(), p));
        Map<String, Youth> youth = new LinkedHashMap<>();
        city.youth().forEach(y -> youth.put(y.key(), y));

        Map<String, List<Enrollment>> importRows = new LinkedHashMap<>();
        List<Enrollment> direct = new ArrayList<>();
        for (Enrollment e : city.enrollments()) {
            if (youth.get(e.youthKey()).inDistrict()) {
                String provider = programs.get(e.programKey()).providerCode();
                importRows.computeIfAbsent(provider, p -> new ArrayList<>()).add(e);
            } else {
                direct.add(e);
            }
        }
        for (Map.Entry<String, List<Enrollment>> entry : importRows.entrySet()) {
            List<Enrollment> rows = entry.getValue();
            for (int from = 0; from < rows.size(); from += IMPORT_CHUNK) {
                List<Enrollment> chunk =
                        rows.subList(from, Math.min(rows.size(), from + IMPORT_CHUNK));
                runImport(entry.getKey(), chunk, youth, programIds);
            }
        }

        Map<String, String> ids = lookUp(city, youth, programs);
        enrollDirectly(direct, youth, programs, programIds, ids);
        return ids;
    }

    private void runImport(
            String provider,
            List<Enrollment> rows,
            Map<String, Youth> youth,
            Map<String, String> programIds)
            throws Exception {
        StringWriter csv = new StringWriter();
        CityWriter.enrollmentCsv(rows, youth, programIds::get, csv);
        byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
        TokenSource token = logins.provider(provider);
        Api.Answer started =
                Api.expect(
                        "POST /api/v1/imports/enrollments",
                        api.send(
                                token,
                                "POST",
                                "/api/v1/imports/enrollments",
                                "text/csv",
                                body,
                                Map.of("Idempotency-Key", Digest.sha256(body))),
                        202,
                        200);
        String id = started.body().path("id").asText();
        progress.step("import " + id + " for " + provider + ": " + rows.size() + " rows");
        ImportPoller.await(api, token, id, progress);
    }

    private Map<String, String> lookUp(
            City city, Map<String, Youth> youth, Map<String, Program> programs) {
        Map<String, String> providerOf = new HashMap<>();
        for (Enrollment e : city.enrollments()) {
            providerOf.putIfAbsent(e.youthKey(), programs.get(e.programKey()).providerCode());
        }
        Map<String, String> ids = new HashMap<>();
        List<Youth> district = youth.values().stream().filter(Youth::inDistrict).toList();
        Progress.Counter counter = progress.counter("participant ids looked up", district.size());
        for (Youth y : district) {
            String path =
                    "/api/v1/participants?districtCode="
                            + Api.query(y.districtCode())
                            + "&districtStudentId="
                            + Api.query(y.districtStudentId());
            JsonNode body =
                    Api.expect(
                                    "participant lookup",
                                    api.get(logins.provider(providerOf.get(y.key())), path),
                                    200)
                            .body();
            JsonNode found =
                    body.isArray()
                            ? body.path(0)
                            : body.has("items") ? body.path("items").path(0) : body;
            if (!found.hasNonNull("id")) {
                throw new IllegalStateException(
                        "an imported youth was not found by its student key");
            }
            ids.put(y.key(), found.get("id").asText());
            counter.add(1);
        }
        return ids;
    }

    /**
     * Youth without a district key, one by one. Such a youth cannot be matched across providers
     * (only a district key and birth date identify a youth to another provider), so a second
     * provider records its own youth, as a real provider would; that record's id is kept under
     * {@link #localKey} for the attendance of that provider's programs.
     */
    private void enrollDirectly(
            List<Enrollment> enrollments,
            Map<String, Youth> youth,
            Map<String, Program> programs,
            Map<String, String> programIds,
            Map<String, String> ids) {
        Progress.Counter counter =
                progress.counter("youth outside the district enrolled", enrollments.size());
        Map<String, String> recordedBy = new HashMap<>();
        for (Enrollment e : enrollments) {
            Program program = programs.get(e.programKey());
            String provider = program.providerCode();
            TokenSource token = logins.provider(provider);
            Youth y = youth.get(e.youthKey());
            String key = y.key();
            if (!ids.containsKey(key)) {
                ids.put(key, create(token, y));
                recordedBy.put(key, provider);
            } else if (!recordedBy.get(key).equals(provider)) {
                key = localKey(y.key(), provider);
                if (!ids.containsKey(key)) {
                    ids.put(key, create(token, y));
                }
            }
            String programId = programIds.get(program.key());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("participantId", ids.get(key));
            body.put("startDate", e.startDate());
            Api.expect(
                    "POST enrollment",
                    api.postJson(token, "/api/v1/programs/" + programId + "/enrollments", body),
                    201,
                    200);
            counter.add(1);
        }
    }

    /** The key of a provider's own record of a youth another provider recorded first. */
    static String localKey(String youthKey, String provider) {
        return youthKey + "@" + provider;
    }

    private String create(TokenSource token, Youth y) {
        return Api.expect(
                        "POST /api/v1/participants",
                        api.postJson(token, "/api/v1/participants", participant(y)),
                        201,
                        200)
                .body()
                .get("id")
                .asText();
    }

    static Map<String, Object> participant(Youth y) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("firstName", y.firstName());
        body.put("lastName", y.lastName());
        body.put("dateOfBirth", y.dateOfBirth());
        body.put("gradeLevel", y.gradeLevel());
        if (y.inDistrict()) {
            body.put("districtCode", y.districtCode());
            body.put("districtStudentId", y.districtStudentId());
        }
        if (y.schoolCode() != null) {
            body.put("schoolCode", y.schoolCode());
        }
        List<Map<String, Object>> guardians = new ArrayList<>();
        for (Guardian g : y.guardians()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", g.name());
            one.put("relationship", g.relationship());
            if (g.email() != null) {
                one.put("email", g.email());
            }
            if (g.phone() != null) {
                one.put("phone", g.phone());
            }
            guardians.add(one);
        }
        body.put("guardians", guardians);
        return body;
    }
}
