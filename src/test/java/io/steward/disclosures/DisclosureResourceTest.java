package io.steward.disclosures;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import io.steward.support.ReadWorld;
import io.steward.support.Youth;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DisclosureResourceTest {

    @Inject Youth youth;
    ReadWorld w;

    /** The world, and one read each by the guardian, the district and the consented provider. */
    @BeforeEach
    void world() {
        if (w != null) {
            return;
        }
        w = new ReadWorld(youth);
        for (String reader : new String[] {"guardianG", "stewardD", "caseManagerP"}) {
            given().auth()
                    .oauth2(w.token(reader))
                    .get("/api/v1/participants/" + w.y + "/academic-records")
                    .then()
                    .statusCode(200);
        }
    }

    String path() {
        return "/api/v1/participants/" + w.y + "/disclosures";
    }

    @Test
    void list_byGuardian_showsEveryDisclosureWithItsBasis() {
        given().auth()
                .oauth2(w.token("guardianG"))
                .get(path())
                .then()
                .statusCode(200)
                .body("items", hasSize(3))
                .body("items.basis", hasItem("CONSENT"))
                .body(
                        "items.find { it.basis == 'CONSENT' }.consentId",
                        equalTo(w.consentP.toString()))
                .body("items.find { it.basis == 'CONSENT' }.recipientCode", equalTo(w.p))
                .body(
                        "items.find { it.basis == 'CONSENT' }.categories",
                        equalTo(java.util.List.of("SCHOOL_ATTENDANCE")))
                .body(
                        "items.find { it.basis == 'CONSENT' }.purpose",
                        equalTo("Coordinate tutoring with the school"))
                .body(
                        "items.find { it.actorRole == 'district-steward' }.agreementId",
                        equalTo(w.agreement.toString()))
                .body("items.find { it.actorRole == 'guardian' }.records", equalTo(3))
                .body("items.sourceDistrictCode", everyItem(equalTo(w.d)))
                .body("items.at", everyItem(org.hamcrest.Matchers.notNullValue()));
        org.junit.jupiter.api.Assertions.assertTrue(
                youth.audits("disclosure.list", "participants/" + w.y + "/disclosures", "SUCCESS")
                        > 0);
    }

    @ParameterizedTest(name = "{0} reads the record of disclosures: {1}")
    @CsvSource({
        "guardianG, 200",
        "stewardD, 200",
        "cityAdmin, 200",
        "auditor, 200",
        "guardianH, 404",
        "stewardD2, 404",
        "staffP, 403",
        "caseManagerP, 403",
        "evaluatorE, 403",
        "dashboard, 403",
    })
    void list_byActor_answers(String actor, int status) {
        given().auth().oauth2(w.token(actor)).get(path()).then().statusCode(status);
    }

    @Test
    void disclosureRows_cannotBeChanged() {
        assertThrows(
                RuntimeException.class,
                () -> youth.update("delete from disclosure where participant_id = ?1", w.y));
    }
}
