package io.steward.openapi;

import static io.restassured.RestAssured.given;
import static io.steward.support.OpenApiDocument.differences;
import static io.steward.support.OpenApiDocument.file;
import static io.steward.support.OpenApiDocument.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.steward.support.OpenApiDocument;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code /q/openapi} serves {@code openapi/openapi.yaml} as it is: the same document in YAML and in
 * JSON, nothing added by the runtime and nothing left out. A failure names every place where the
 * two differ, as a JSON pointer.
 */
@QuarkusTest
class OpenApiServedDocumentTest {

    @Test
    void servedDocument_asYaml_isTheOpenapiFile() throws Exception {
        String served = given().get("/q/openapi").then().statusCode(200).extract().asString();

        assertEquals(List.of(), differences(file(), OpenApiDocument.yaml(served)));
    }

    @Test
    void servedDocument_asJson_isTheOpenapiFile() throws Exception {
        String served =
                given().queryParam("format", "json")
                        .get("/q/openapi")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();

        assertEquals(List.of(), differences(file(), OpenApiDocument.json(served)));
    }

    @Test
    void differences_ofAChangedAnswerStatus_nameTheOperation() throws Exception {
        Map<String, Object> changed = file();
        Map<String, Object> responses =
                map(
                        map(map(map(changed.get("paths")).get("/api/v1/organizations")).get("post"))
                                .get("responses"));
        responses.put("200", responses.remove("201"));

        List<String> found = differences(file(), changed);

        String post = "/paths/~1api~1v1~1organizations/post/responses/";
        assertEquals(
                List.of(post + "200: only served", post + "201: only in the file"),
                found,
                "differences");
        assertTrue(differences(file(), file()).isEmpty(), "a document equals itself");
    }
}
