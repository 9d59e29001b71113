package io.steward.schooldata;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.steward.support.ReadWorld;
import io.steward.support.Youth;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every role against the consent states of {@link ReadWorld}, reading Y's academic records. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AcademicRecordReadMatrixTest {

    static final String ALL = "SCHOOL_ATTENDANCE GRADES ASSESSMENTS";

    @Inject Youth youth;
    ReadWorld w;

    @BeforeEach
    void world() {
        if (w == null) {
            w = new ReadWorld(youth);
        }
    }

    long disclosures() {
        return youth.count("select count(*) from disclosure where participant_id = ?1", w.y);
    }

    @ParameterizedTest(name = "{0} reads the records: {1} {2}")
    @CsvSource({
        "guardianG, 200, " + ALL,
        "stewardD, 200, " + ALL,
        "caseManagerP, 200, SCHOOL_ATTENDANCE",
        "caseManagerPR, 403, ",
        "caseManagerPX, 403, ",
        "caseManagerPN, 403, ",
        "caseManagerPS, 404, ",
        "guardianH, 404, ",
        "stewardD2, 404, ",
        "staffP, 403, ",
        "cityAdmin, 403, ",
        "evaluatorE, 403, ",
        "dashboard, 403, ",
        "auditor, 403, ",
    })
    void read_byActor_answers(String actor, int status, String categories) {
        long before = disclosures();
        ExtractableResponse<Response> answer =
                given().auth()
                        .oauth2(w.token(actor))
                        .get("/api/v1/participants/" + w.y + "/academic-records")
                        .then()
                        .statusCode(status)
                        .extract();
        if (status != 200) {
            assertEquals(before, disclosures());
            assertEquals("application/problem+json", answer.contentType());
            return;
        }
        List<String> seen = answer.path("items.category");
        List<String> expected = Arrays.asList(categories.split(" "));
        assertEquals(expected.stream().sorted().toList(), seen.stream().sorted().toList());
        assertEquals(answer.path("redisclosureNotice"), answer.header("Redisclosure-Notice"));
        assertTrue(answer.header("Redisclosure-Notice").contains("99.33"));
        assertTrue(disclosures() > before);
    }

    @Test
    void read_byCaseManager_showsFieldsOfConsentedCategoryAndRecordsConsentDisclosure() {
        given().auth()
                .oauth2(w.token("caseManagerP"))
                .get("/api/v1/participants/" + w.y + "/academic-records")
                .then()
                .statusCode(200)
                .body("items[0].daysEnrolled", equalTo(169))
                .body("items[0].daysAbsent", equalTo(7))
                .body("items[0].sourceDistrictCode", equalTo(w.d))
                .body("items[0].course", equalTo(null));
        assertTrue(
                youth.count(
                                "select count(*) from disclosure where participant_id = ?1"
                                        + " and basis = 'CONSENT' and consent_id = ?2"
                                        + " and recipient_code = ?3 and records = 1"
                                        + " and categories = '{SCHOOL_ATTENDANCE}'",
                                w.y,
                                w.consentP,
                                w.p)
                        >= 1);
        assertEquals(
                0,
                youth.count(
                        "select count(*) from disclosure where participant_id = ?1"
                                + " and recipient_code = ?2 and 'GRADES' = any(categories)",
                        w.y,
                        w.p));
    }

    @Test
    void read_byGuardian_pagesAndDisclosesEachPage() {
        long before = disclosures();
        String first =
                given().auth()
                        .oauth2(w.token("guardianG"))
                        .queryParam("limit", 2)
                        .get("/api/v1/participants/" + w.y + "/academic-records")
                        .then()
                        .statusCode(200)
                        .body("items.size()", equalTo(2))
                        .extract()
                        .path("nextCursor");
        given().auth()
                .oauth2(w.token("guardianG"))
                .queryParam("limit", 2)
                .queryParam("cursor", first)
                .get("/api/v1/participants/" + w.y + "/academic-records")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1))
                .body("nextCursor", equalTo(null));
        assertEquals(before + 2, disclosures());
        assertTrue(
                youth.audits(
                                "academic-records.read",
                                "participants/" + w.y + "/academic-records",
                                "SUCCESS")
                        >= 2);
    }
}
