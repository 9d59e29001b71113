package io.steward.agreements;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.steward.support.Sharing;
import io.steward.support.Tokens;
import io.steward.support.Youth;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every role against every agreement state for signature, termination, reads and uploads. The
 * agreement is between district D and evaluator E; D2 and E2 are the other district and evaluator.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgreementAccessMatrixTest {

    static final String CSV = "districtStudentId,schoolYear,category,daysEnrolled,daysAbsent\n";

    @Inject Youth youth;

    String d;
    String d2;
    String e;
    String e2;

    @BeforeEach
    void world() {
        if (d == null) {
            d = Youth.org("DISTRICT");
            d2 = Youth.org("DISTRICT");
            e = Youth.org("EVALUATOR");
            e2 = Youth.org("EVALUATOR");
        }
    }

    String token(String actor) {
        return switch (actor) {
            case "cityAdmin" -> Tokens.of("city-admin", "CITY");
            case "stewardD" -> Sharing.steward(d);
            case "stewardD2" -> Sharing.steward(d2);
            case "evaluatorE" -> Tokens.of("evaluator", e);
            case "evaluatorE2" -> Tokens.of("evaluator", e2);
            case "dashboardE" -> Tokens.of("dashboard", e);
            case "auditor" -> Tokens.of("auditor", null);
            case "guardian" -> Tokens.of("guardian", null);
            case "staffE" -> Tokens.of("provider-staff", e);
            default -> throw new IllegalArgumentException(actor);
        };
    }

    /** An agreement in the state: DRAFT, ACTIVE, TERMINATED or EXPIRED. */
    UUID agreement(String state) {
        UUID id = Sharing.draft(d, e);
        if (!state.equals("DRAFT")) {
            given().auth()
                    .oauth2(Sharing.steward(d))
                    .post(url(id, "/signature"))
                    .then()
                    .statusCode(200);
        }
        if (state.equals("TERMINATED")) {
            given().auth()
                    .oauth2(Youth.admin())
                    .post(url(id, "/termination"))
                    .then()
                    .statusCode(200);
        }
        if (state.equals("EXPIRED")) {
            youth.update(
                    "update agreement set effective_from = ?1, effective_until = ?2,"
                            + " destroy_by = ?2 where id = ?3",
                    Sharing.today().minusDays(60),
                    Sharing.today().minusDays(1),
                    id);
        }
        return id;
    }

    static String url(UUID id, String suffix) {
        return "/api/v1/agreements/" + id + suffix;
    }

    @ParameterizedTest(name = "{0} signs a {1} agreement: {2}")
    @CsvSource({
        "stewardD, DRAFT, 200",
        "stewardD, ACTIVE, 409",
        "stewardD, TERMINATED, 409",
        "stewardD, EXPIRED, 409",
        "stewardD2, DRAFT, 404",
        "cityAdmin, DRAFT, 403",
        "evaluatorE, DRAFT, 403",
        "auditor, DRAFT, 403",
    })
    void sign(String actor, String state, int status) {
        UUID id = agreement(state);
        given().auth().oauth2(token(actor)).post(url(id, "/signature")).then().statusCode(status);
    }

    @ParameterizedTest(name = "{0} terminates a {1} agreement: {2}")
    @CsvSource({
        "cityAdmin, DRAFT, 200",
        "cityAdmin, ACTIVE, 200",
        "stewardD, ACTIVE, 200",
        "evaluatorE, ACTIVE, 200",
        "staffE, ACTIVE, 200",
        "cityAdmin, TERMINATED, 409",
        "stewardD, EXPIRED, 409",
        "stewardD2, ACTIVE, 404",
        "evaluatorE2, ACTIVE, 404",
        "dashboardE, ACTIVE, 403",
        "auditor, ACTIVE, 403",
        "guardian, ACTIVE, 403",
    })
    void terminate(String actor, String state, int status) {
        UUID id = agreement(state);
        given().auth().oauth2(token(actor)).post(url(id, "/termination")).then().statusCode(status);
        String expected = status == 200 ? "TERMINATED" : state;
        given().auth()
                .oauth2(Youth.admin())
                .get(url(id, ""))
                .then()
                .body("status", equalTo(expected));
    }

    @ParameterizedTest(name = "{0} reads an agreement: {1}")
    @CsvSource({
        "cityAdmin, 200",
        "stewardD, 200",
        "evaluatorE, 200",
        "staffE, 200",
        "stewardD2, 404",
        "evaluatorE2, 404",
        "dashboardE, 403",
        "auditor, 403",
        "guardian, 403",
    })
    void read(String actor, int status) {
        UUID id = agreement("ACTIVE");
        given().auth().oauth2(token(actor)).get(url(id, "")).then().statusCode(status);
    }

    @ParameterizedTest(name = "{0} uploads to a {1} agreement: {2}")
    @CsvSource({
        "stewardD, ACTIVE, 200",
        "stewardD, DRAFT, 409",
        "stewardD, TERMINATED, 409",
        "stewardD, EXPIRED, 409",
        "stewardD2, ACTIVE, 404",
        "cityAdmin, ACTIVE, 403",
        "evaluatorE, ACTIVE, 403",
    })
    void upload(String actor, String state, int status) {
        UUID id = agreement(state);
        given().auth()
                .oauth2(token(actor))
                .contentType("text/csv")
                .body(CSV + "X1,2021-2022,SCHOOL_ATTENDANCE,170,3\n")
                .post(url(id, "/academic-records"))
                .then()
                .statusCode(status);
    }

    @ParameterizedTest(name = "{0} in {1} may read the list and sees {2}")
    @CsvSource({"stewardD, true", "stewardD2, false", "evaluatorE, true", "evaluatorE2, false"})
    void list(String actor, boolean sees) {
        UUID id = agreement("DRAFT");
        List<String> ids =
                given().auth()
                        .oauth2(token(actor))
                        .queryParam("limit", 500)
                        .get("/api/v1/agreements")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("items.id");
        org.junit.jupiter.api.Assertions.assertEquals(sees, ids.contains(id.toString()));
    }
}
