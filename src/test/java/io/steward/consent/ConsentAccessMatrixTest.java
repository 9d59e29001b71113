package io.steward.consent;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
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
 * Who may record and revoke consents. The youth is served by providers P (named by the consents), Q
 * (records the paper forms) and S (neither); R does not serve the youth. Guardian G is linked, H is
 * not.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsentAccessMatrixTest {

    @Inject Youth youth;

    String p;
    String q;
    String r;
    String s;
    UUID participant;
    String g = "guardian-" + UUID.randomUUID();

    /** Made once, before the first test (the HTTP port is known only then). */
    @BeforeEach
    void world() {
        if (p != null) {
            return;
        }
        p = Youth.org("PROVIDER");
        q = Youth.org("PROVIDER");
        r = Youth.org("PROVIDER");
        s = Youth.org("PROVIDER");
        participant = youth.participant(null, null);
        youth.enroll(p, participant);
        youth.enroll(q, participant);
        youth.enroll(s, participant);
        youth.linkGuardian(participant, g);
    }

    String token(String actor) {
        return switch (actor) {
            case "staffP" -> Tokens.of("provider-staff", p);
            case "caseManagerP" -> Tokens.of("case-manager", p);
            case "staffQ" -> Tokens.of("provider-staff", q);
            case "staffR" -> Tokens.of("provider-staff", r);
            case "staffS" -> Tokens.of("provider-staff", s);
            case "guardianG" -> Tokens.of(g, List.of("guardian"), null);
            case "guardianH" -> Tokens.of("guardian-other", List.of("guardian"), null);
            case "cityAdmin" -> Tokens.of("city-admin", "CITY");
            case "steward" -> Tokens.of("district-steward", "DIST");
            case "evaluator" -> Tokens.of("evaluator", "EVAL");
            case "auditor" -> Tokens.of("auditor", null);
            default -> throw new IllegalArgumentException(actor);
        };
    }

    @ParameterizedTest(name = "{0} records a {1} consent: {2}")
    @CsvSource({
        "staffP, PAPER, 201",
        "caseManagerP, PAPER, 201",
        "staffQ, PAPER, 201",
        "staffP, ELECTRONIC, 403",
        "guardianG, ELECTRONIC, 201",
        "guardianG, PAPER, 403",
        "guardianH, ELECTRONIC, 404",
        "staffR, PAPER, 404",
        "cityAdmin, PAPER, 403",
        "steward, PAPER, 403",
        "evaluator, PAPER, 403",
    })
    void create_byActor_answers(String actor, String method, int status) {
        long before = count();
        given().auth()
                .oauth2(token(actor))
                .contentType(ContentType.JSON)
                .body(Sharing.consentBody(p, List.of("GRADES"), method))
                .post("/api/v1/participants/" + participant + "/consents")
                .then()
                .statusCode(status);
        assertEquals(status == 201 ? before + 1 : before, count());
    }

    @ParameterizedTest(name = "{0} revokes a consent naming P recorded by Q: {1}")
    @CsvSource({
        "guardianG, 200",
        "staffP, 200",
        "caseManagerP, 200",
        "staffQ, 200",
        "staffS, 403",
        "staffR, 404",
        "guardianH, 404",
        "cityAdmin, 403",
        "auditor, 403",
    })
    void revoke_byActor_answers(String actor, int status) {
        UUID consent =
                Sharing.consent(
                        token("staffQ"),
                        participant,
                        Sharing.consentBody(p, List.of("GRADES"), "PAPER"));
        given().auth()
                .oauth2(token(actor))
                .post(
                        "/api/v1/participants/"
                                + participant
                                + "/consents/"
                                + consent
                                + "/revocation")
                .then()
                .statusCode(status);
        assertEquals(
                status == 200 ? 1 : 0,
                youth.count(
                        "select count(*) from consent_revocation where consent_id = ?1", consent));
    }

    @ParameterizedTest(name = "{0} lists the consents: {1}")
    @CsvSource({
        "guardianG, 200",
        "staffP, 200",
        "staffS, 200",
        "cityAdmin, 200",
        "staffR, 404",
        "guardianH, 404",
        "steward, 403",
        "evaluator, 403",
    })
    void list_byActor_answers(String actor, int status) {
        given().auth()
                .oauth2(token(actor))
                .get("/api/v1/participants/" + participant + "/consents")
                .then()
                .statusCode(status);
    }

    long count() {
        return youth.count("select count(*) from consent where participant_id = ?1", participant);
    }
}
