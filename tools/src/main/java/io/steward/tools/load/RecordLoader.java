package io.steward.tools.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.steward.tools.city.Agreement;
import io.steward.tools.city.Attendance;
import io.steward.tools.city.City;
import io.steward.tools.city.CityWriter;
import io.steward.tools.city.Consent;
import io.steward.tools.city.Enrollment;
import io.steward.tools.city.Program;
import io.steward.tools.city.SchoolRecord;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Program attendance, guardian links, agreements with their school records, and consents. */
final class RecordLoader {

    static final int ATTENDANCE_BATCH = 1000;
    static final int RECORDS_BATCH = 2000;

    private final Api api;
    private final Logins logins;
    private final Progress progress;

    RecordLoader(Api api, Logins logins, Progress progress) {
        this.api = api;
        this.logins = logins;
        this.progress = progress;
    }

    void attendance(City city, Map<String, String> programIds, Map<String, String> participants) {
        Map<String, String> providerOf = new HashMap<>();
        city.programs().forEach(p -> providerOf.put(p.key(), p.providerCode()));
        Map<String, List<Map<String, Object>>> byProgram = new LinkedHashMap<>();
        for (Attendance a : city.attendance()) {
            Map<String, Object> row = new LinkedHashMap<>();
            String own = EnrollmentLoader.localKey(a.youthKey(), providerOf.get(a.programKey()));
            row.put(
                    "participantId",
                    participants.getOrDefault(own, participants.get(a.youthKey())));
            row.put("date", a.date());
            row.put("minutes", a.minutes());
            byProgram.computeIfAbsent(a.programKey(), k -> new ArrayList<>()).add(row);
        }
        Progress.Counter counter = progress.counter("attendance rows", city.attendance().size());
        for (Map.Entry<String, List<Map<String, Object>>> entry : byProgram.entrySet()) {
            String path = "/api/v1/programs/" + programIds.get(entry.getKey()) + "/attendance";
            TokenSource token = logins.provider(providerOf.get(entry.getKey()));
            List<Map<String, Object>> rows = entry.getValue();
            for (int from = 0; from < rows.size(); from += ATTENDANCE_BATCH) {
                List<Map<String, Object>> batch =
                        rows.subList(from, Math.min(rows.size(), from + ATTENDANCE_BATCH));
                Api.expect("PUT attendance", api.putJson(token, path, batch), 200, 204);
                counter.add(batch.size());
            }
        }
    }

    /** Links the demo guardian login to its youth, by the guardian token's subject. */
    void guardianLinks(City city, Map<String, String> participants) {
        String subject = logins.guardian().claim("sub").asText();
        Map<String, String> providerOf = firstProvider(city);
        for (String youth : city.demoGuardianYouth()) {
            String path = "/api/v1/participants/" + participants.get(youth) + "/guardian-links";
            Api.expect(
                    "POST guardian link",
                    api.postJson(
                            logins.provider(providerOf.get(youth)),
                            path,
                            Map.of("subject", subject)),
                    200,
                    201,
                    204,
                    409);
        }
        progress.step("demo-guardian linked to " + city.demoGuardianYouth().size() + " youth");
    }

    void agreementsAndSchoolData(City city) throws Exception {
        for (Agreement agreement : city.agreements()) {
            JsonNode created =
                    Api.expect(
                                    "POST /api/v1/agreements",
                                    api.postJson(
                                            logins.admin(),
                                            "/api/v1/agreements",
                                            agreement(agreement)),
                                    201)
                            .body();
            String id = created.get("id").asText();
            Api.expect(
                    "POST signature",
                    api.send(
                            logins.steward(),
                            "POST",
                            "/api/v1/agreements/" + id + "/signature",
                            null,
                            null,
                            Map.of()),
                    200,
                    201,
                    204);
            progress.step(
                    "agreement " + id + " (" + agreement.basis() + ") signed by the district");
            List<SchoolRecord> records =
                    city.schoolRecords().stream()
                            .filter(r -> r.agreementKey().equals(agreement.key()))
                            .toList();
            Progress.Counter counter = progress.counter("school records uploaded", records.size());
            for (int from = 0; from < records.size(); from += RECORDS_BATCH) {
                List<SchoolRecord> batch =
                        records.subList(from, Math.min(records.size(), from + RECORDS_BATCH));
                StringWriter ndjson = new StringWriter();
                CityWriter.academicRecords(batch, ndjson);
                Api.Answer answer =
                        api.send(
                                logins.steward(),
                                "POST",
                                "/api/v1/agreements/" + id + "/academic-records",
                                "application/x-ndjson",
                                ndjson.toString().getBytes(StandardCharsets.UTF_8),
                                Map.of());
                Api.expect("POST academic records", answer, 200, 201, 202);
                counter.add(batch.size());
            }
        }
    }

    void consents(City city, Map<String, String> participants) {
        Progress.Counter counter =
                progress.counter("paper consents recorded", city.consents().size());
        for (Consent c : city.consents()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put(
                    "grantor",
                    Map.of("name", c.grantor().name(), "relationship", c.grantor().relationship()));
            body.put("recipientCode", c.recipientCode());
            body.put("dataCategories", c.dataCategories());
            body.put("purpose", c.purpose());
            body.put("signedOn", c.signedOn());
            body.put("validFrom", c.validFrom());
            body.put("validUntil", c.validUntil());
            body.put("method", c.method());
            body.put(
                    "evidence",
                    Map.of("sha256", c.evidenceSha256(), "mediaType", c.evidenceMediaType()));
            String path = "/api/v1/participants/" + participants.get(c.youthKey()) + "/consents";
            Api.expect(
                    "POST consent",
                    api.postJson(logins.provider(c.recordedBy()), path, body),
                    201,
                    200);
            counter.add(1);
        }
    }

    static Map<String, Object> agreement(Agreement a) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("districtCode", a.districtCode());
        body.put("recipientCode", a.recipientCode());
        body.put("basis", a.basis());
        body.put("purpose", a.purpose());
        body.put("dataCategories", a.dataCategories());
        body.put("effectiveFrom", a.effectiveFrom());
        body.put("effectiveUntil", a.effectiveUntil());
        body.put("destroyBy", a.destroyBy());
        body.put("minimumCellSize", a.minimumCellSize());
        return body;
    }

    private static Map<String, String> firstProvider(City city) {
        Map<String, String> providerOfProgram = new HashMap<>();
        for (Program p : city.programs()) {
            providerOfProgram.put(p.key(), p.providerCode());
        }
        Map<String, String> providerOf = new HashMap<>();
        for (Enrollment e : city.enrollments()) {
            providerOf.putIfAbsent(e.youthKey(), providerOfProgram.get(e.programKey()));
        }
        return providerOf;
    }
}
