package io.steward.organizations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.steward.support.Tokens;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OrganizationResourceTest {

    static String admin() {
        return Tokens.of("city-admin", "CITY");
    }

    static String uniqueCode() {
        return "ORG-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void create_asCityAdmin_returns201AndIsReadableByCode() {
        String code = uniqueCode();
        given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Northside Youth", "type", "PROVIDER"))
                .when()
                .post("/api/v1/organizations")
                .then()
                .statusCode(201)
                .header("ETag", notNullValue())
                .body("code", equalTo(code))
                .body("id", notNullValue());

        given().auth()
                .oauth2(Tokens.of("provider-staff", "X"))
                .when()
                .get("/api/v1/organizations/" + code.toLowerCase())
                .then()
                .statusCode(200)
                .body("name", equalTo("Northside Youth"))
                .body("type", equalTo("PROVIDER"));
    }

    @Test
    void create_duplicateCodeAnyCase_returns409() {
        String code = uniqueCode();
        Map<String, String> body = Map.of("code", code, "name", "A", "type", "DISTRICT");
        given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/organizations")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(Map.of("code", code.toLowerCase(), "name", "B", "type", "DISTRICT"))
                .post("/api/v1/organizations")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409));
    }

    @Test
    void create_asProviderStaff_returns403AndStoresNothing() {
        String code = uniqueCode();
        given().auth()
                .oauth2(Tokens.of("provider-staff", "P1"))
                .contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "A", "type", "PROVIDER"))
                .post("/api/v1/organizations")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(admin()).get("/api/v1/organizations/" + code).then().statusCode(404);
    }

    @Test
    void create_serverOwnedId_returns400NamingIt() {
        given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(
                        Map.of(
                                "id",
                                UUID.randomUUID().toString(),
                                "code",
                                uniqueCode(),
                                "name",
                                "A",
                                "type",
                                "PROVIDER"))
                .post("/api/v1/organizations")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("id"));
    }

    @Test
    void create_unknownType_returns400ListingChoices() {
        given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(Map.of("code", uniqueCode(), "name", "A", "type", "SCHOOL"))
                .post("/api/v1/organizations")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("type"));
    }

    @Test
    void list_walksEveryOrganizationOnce() {
        for (int i = 0; i < 7; i++) {
            given().auth()
                    .oauth2(admin())
                    .contentType(ContentType.JSON)
                    .body(Map.of("code", uniqueCode(), "name", "Walk", "type", "EVALUATOR"))
                    .post("/api/v1/organizations")
                    .then()
                    .statusCode(201);
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().auth().oauth2(admin()).queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/organizations").then().statusCode(200).extract();
            java.util.List<String> codes = page.path("items.code");
            for (String c : codes) {
                org.junit.jupiter.api.Assertions.assertTrue(seen.add(c), "served twice: " + c);
            }
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 1000);
        org.junit.jupiter.api.Assertions.assertTrue(seen.size() >= 7);
    }
}
