package io.steward.programs;

import static io.restassured.RestAssured.given;
import static io.steward.support.YouthFixtures.admin;
import static io.steward.support.YouthFixtures.provider;
import static io.steward.support.YouthFixtures.staff;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.steward.support.AuditRows;
import io.steward.support.Tokens;
import io.steward.support.YouthFixtures;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class ProgramResourceTest {

    @Inject AgroalDataSource db;

    static Map<String, Object> body() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Homework help");
        body.put("site", "Eastside center");
        body.put("startDate", "2025-09-01");
        body.put("endDate", "2026-06-30");
        return body;
    }

    static ExtractableResponse<Response> post(String token, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/programs")
                .then()
                .extract();
    }

    @Test
    void create_asProviderStaffWithoutCode_defaultsToOwnOrgAndAudits() {
        String org = provider();
        long head = AuditRows.head(db);

        ExtractableResponse<Response> created = post(staff(org), body());

        assertEquals(201, created.statusCode());
        assertEquals(org, created.path("providerCode"));
        String id = created.path("id");
        assertEquals(
                "/api/v1/programs/" + id,
                java.net.URI.create(created.header("Location")).getPath());
        given().auth()
                .oauth2(staff(org))
                .get("/api/v1/programs/" + id)
                .then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .body("name", equalTo("Homework help"))
                .body("capacity", equalTo(null));
        List<AuditRows.Row> events = AuditRows.since(db, head, "program.create");
        assertEquals(1, events.size());
        assertEquals("programs/" + id, events.get(0).resource());
        assertEquals(org, events.get(0).org());
        assertEquals("SUCCESS", events.get(0).outcome());
    }

    @Test
    void create_asProviderStaffForAnotherProvider_returns403AndAuditsDenial() {
        String own = provider();
        String other = provider();
        Map<String, Object> body = body();
        body.put("providerCode", other);
        long head = AuditRows.head(db);

        assertEquals(403, post(staff(own), body).statusCode());

        List<AuditRows.Row> denied = AuditRows.since(db, head, "denied.forbidden");
        assertEquals(1, denied.size());
        assertEquals("DENIED", denied.get(0).outcome());
        given().auth().oauth2(admin()).get("/api/v1/programs").then().statusCode(200);
    }

    @Test
    void create_asCityAdminForAnyProvider_returns201() {
        String org = provider();
        Map<String, Object> body = body();
        body.put("providerCode", org.toLowerCase());
        body.put("capacity", 12);

        ExtractableResponse<Response> created = post(admin(), body);

        assertEquals(201, created.statusCode());
        assertEquals(org, created.path("providerCode"));
        assertEquals(12, (Integer) created.path("capacity"));
    }

    @Test
    void create_asCityAdminWithoutProviderCode_returns400NamingIt() {
        ExtractableResponse<Response> answer = post(admin(), body());
        assertEquals(400, answer.statusCode());
        assertEquals(List.of("providerCode"), answer.path("errors.field"));
    }

    @Test
    void create_forDistrictOrganization_returns400NamingProviderCode() {
        Map<String, Object> body = body();
        body.put("providerCode", YouthFixtures.organization("DISTRICT"));
        ExtractableResponse<Response> answer = post(admin(), body);
        assertEquals(400, answer.statusCode());
        assertEquals(List.of("providerCode"), answer.path("errors.field"));
    }

    @Test
    void create_asGuardian_returns403() {
        assertEquals(403, post(Tokens.of("guardian", null), body()).statusCode());
    }

    @ParameterizedTest
    @CsvSource({
        "startDate, 2021-09-31",
        "startDate, 02/30/2015",
        "endDate, 2026-02-30",
        "endDate, 2025-08-31",
        "name, ''",
        "capacity, 0",
    })
    void create_invalidField_returns400NamingItAndStoresNothing(String field, String value) {
        String org = provider();
        Map<String, Object> body = body();
        body.put(field, field.equals("capacity") ? Integer.valueOf(value) : value);

        ExtractableResponse<Response> answer = post(staff(org), body);

        assertEquals(400, answer.statusCode());
        assertEquals("application/problem+json", answer.contentType());
        assertEquals(List.of(field), answer.path("errors.field"));
        assertEquals(List.of(), listIds(staff(org), 500));
    }

    @ParameterizedTest
    @CsvSource({"id", "createdAt", "version", "colour"})
    void create_unknownOrServerOwnedProperty_returns400NamingIt(String property) {
        Map<String, Object> body = body();
        body.put(property, property.equals("id") ? UUID.randomUUID().toString() : "x");
        ExtractableResponse<Response> answer = post(staff(provider()), body);
        assertEquals(400, answer.statusCode());
        assertEquals(List.of(property), answer.path("errors.field"));
    }

    @Test
    void create_overlongName_returns400NamingName() {
        Map<String, Object> body = body();
        body.put("name", "n".repeat(201));
        ExtractableResponse<Response> answer = post(staff(provider()), body);
        assertEquals(400, answer.statusCode());
        assertEquals(List.of("name"), answer.path("errors.field"));
    }

    @Test
    void get_otherProvidersProgram_returns404LikeAbsentAndAudits() {
        String owner = provider();
        String id = YouthFixtures.program(owner);
        String stranger = staff(provider());
        long head = AuditRows.head(db);

        ExtractableResponse<Response> hidden =
                given().auth().oauth2(stranger).get("/api/v1/programs/" + id).then().extract();
        ExtractableResponse<Response> absent =
                given().auth()
                        .oauth2(stranger)
                        .get("/api/v1/programs/" + UUID.randomUUID())
                        .then()
                        .extract();

        assertEquals(404, hidden.statusCode());
        assertEquals(404, absent.statusCode());
        for (String part : List.of("type", "title", "status", "detail")) {
            assertEquals((Object) absent.path(part), hidden.path(part), part);
        }
        List<AuditRows.Row> events = AuditRows.since(db, head, "program.read");
        assertEquals(
                List.of("DENIED", "NOT_FOUND"),
                events.stream().map(AuditRows.Row::outcome).toList());
        given().auth().oauth2(admin()).get("/api/v1/programs/" + id).then().statusCode(200);
    }

    @Test
    void list_walksOwnProgramsOnceOverPages_andCityAdminSeesAll() {
        String org = provider();
        String other = provider();
        Set<String> mine = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            mine.add(YouthFixtures.program(org));
        }
        String theirs = YouthFixtures.program(other);

        List<String> walked = listIds(staff(org), 2);

        assertEquals(5, walked.size());
        assertEquals(mine, new HashSet<>(walked));
        List<String> all = listIds(admin(), 500);
        assertTrue(all.containsAll(mine) && all.contains(theirs));
        assertEquals(all.size(), new HashSet<>(all).size());
    }

    @ParameterizedTest
    @CsvSource({
        "limit, 0",
        "limit, 501",
        "limit, ten",
        "cursor, bm90LWEtY3Vyc29y",
        "cursor, YzEfeB94"
    })
    void list_badPaging_returns400NamingParameter(String parameter, String value) {
        given().auth()
                .oauth2(admin())
                .queryParam(parameter, value)
                .get("/api/v1/programs")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem(parameter));
    }

    /** Walks every page of the caller's program list, failing if any id comes twice. */
    static List<String> listIds(String token, int limit) {
        List<String> ids = new java.util.ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().auth().oauth2(token).queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/programs").then().statusCode(200).extract();
            List<String> items = page.path("items.id");
            for (String id : items) {
                assertTrue(!ids.contains(id), "served twice: " + id);
                ids.add(id);
            }
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 10_000);
        return ids;
    }
}
