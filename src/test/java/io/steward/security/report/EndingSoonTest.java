package io.steward.security.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.steward.support.Sharing;
import io.steward.support.Tokens;
import io.steward.support.Youth;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The security report lists agreements and consents in force whose last day is near. */
@QuarkusTest
class EndingSoonTest {

    @Inject Youth youth;

    static UUID agreement(String district, String recipient, int untilDays, boolean sign) {
        Map<String, Object> body =
                Sharing.agreementBody(district, recipient, List.of("SCHOOL_ATTENDANCE"));
        body.put("effectiveUntil", Sharing.today().plusDays(untilDays).toString());
        body.put("destroyBy", Sharing.today().plusDays(untilDays + 30).toString());
        UUID id =
                UUID.fromString(
                        given().auth()
                                .oauth2(Youth.admin())
                                .contentType(ContentType.JSON)
                                .body(body)
                                .post("/api/v1/agreements")
                                .then()
                                .statusCode(201)
                                .extract()
                                .path("id"));
        if (sign) {
            given().auth()
                    .oauth2(Sharing.steward(district))
                    .post("/api/v1/agreements/" + id + "/signature")
                    .then()
                    .statusCode(200);
        }
        return id;
    }

    static UUID consent(String guardian, UUID participant, String recipient, int untilDays) {
        Map<String, Object> body =
                Sharing.consentBody(recipient, List.of("SCHOOL_ATTENDANCE"), "ELECTRONIC");
        body.put("validUntil", Sharing.today().plusDays(untilDays).toString());
        return Sharing.consent(guardian, participant, body);
    }

    @Test
    void report_agreementsAndConsentsNearTheirEnd_listsOnlyThoseInForce() {
        String district = Youth.org("DISTRICT");
        String evaluator = Youth.org("EVALUATOR");
        UUID soon = agreement(district, evaluator, 10, true);
        UUID later = agreement(district, evaluator, 200, true);
        UUID draft = agreement(district, evaluator, 5, false);
        UUID ended = agreement(district, evaluator, 7, true);
        given().auth()
                .oauth2(Youth.admin())
                .post("/api/v1/agreements/" + ended + "/termination")
                .then()
                .statusCode(200);

        String provider = Youth.org("PROVIDER");
        UUID y = youth.participant(district, Youth.studentId());
        youth.enroll(provider, y);
        String subject = "guardian-" + UUID.randomUUID();
        youth.linkGuardian(y, subject);
        String guardian = Tokens.of(subject, List.of("guardian"), null);
        UUID consentSoon = consent(guardian, y, provider, 7);
        UUID consentLater = consent(guardian, y, provider, 120);
        UUID consentRevoked = consent(guardian, y, provider, 3);
        given().auth()
                .oauth2(guardian)
                .post("/api/v1/participants/" + y + "/consents/" + consentRevoked + "/revocation")
                .then()
                .statusCode(200);

        given().auth()
                .oauth2(Tokens.of("auditor", "CITY"))
                .get("/api/v1/admin/security-report")
                .then()
                .statusCode(200)
                .body("agreementsEndingSoon.id", hasItem(soon.toString()))
                .body(
                        "agreementsEndingSoon.find { it.id == '" + soon + "' }.endsOn",
                        org.hamcrest.Matchers.equalTo(Sharing.today().plusDays(10).toString()))
                .body(
                        "agreementsEndingSoon.find { it.id == '" + soon + "' }.kind",
                        org.hamcrest.Matchers.equalTo("STUDIES"))
                .body("agreementsEndingSoon.id", not(hasItem(later.toString())))
                .body("agreementsEndingSoon.id", not(hasItem(draft.toString())))
                .body("agreementsEndingSoon.id", not(hasItem(ended.toString())))
                .body("consentsEndingSoon.id", hasItem(consentSoon.toString()))
                .body(
                        "consentsEndingSoon.find { it.id == '" + consentSoon + "' }.endsOn",
                        org.hamcrest.Matchers.equalTo(Sharing.today().plusDays(7).toString()))
                .body("consentsEndingSoon.id", not(hasItem(consentLater.toString())))
                .body("consentsEndingSoon.id", not(hasItem(consentRevoked.toString())));
    }
}
