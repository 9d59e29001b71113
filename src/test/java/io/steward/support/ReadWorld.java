package io.steward.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A youth with school data and consents, for tests of who may read it. Youth Y (district D) is
 * served by providers P, PR, PX and PN; its guardian G is linked. Agreement A (D with evaluator E,
 * all categories) holds one record of each category for Y. Consents naming P (SCHOOL_ATTENDANCE,
 * active), PR (revoked), PX (expired) and PS (active, but PS does not serve Y).
 */
public final class ReadWorld {

    public final String d = Youth.org("DISTRICT");
    public final String d2 = Youth.org("DISTRICT");
    public final String e = Youth.org("EVALUATOR");
    public final String p = Youth.org("PROVIDER");
    public final String pr = Youth.org("PROVIDER");
    public final String px = Youth.org("PROVIDER");
    public final String pn = Youth.org("PROVIDER");
    public final String ps = Youth.org("PROVIDER");
    public final String g = "guardian-" + UUID.randomUUID();
    public final String studentId = Youth.studentId();
    public final UUID y;
    public final UUID agreement;
    public final UUID consentP;

    public ReadWorld(Youth youth) {
        y = youth.participant(d, studentId);
        for (String provider : List.of(p, pr, px, pn)) {
            youth.enroll(provider, y);
        }
        youth.linkGuardian(y, g);
        agreement = Sharing.active(d, e);
        Sharing.upload(
                        agreement,
                        d,
                        "text/csv",
                        "districtStudentId,schoolYear,category,daysEnrolled,daysAbsent,course,"
                                + "mark,subject,scaleScore,proficient\n"
                                + studentId
                                + ",2021-2022,SCHOOL_ATTENDANCE,169,7,,,,,\n"
                                + studentId
                                + ",2021-2022,GRADES,,,Algebra I,B,,,\n"
                                + studentId
                                + ",2021-2022,ASSESSMENTS,,,,,Reading,737,true\n")
                .statusCode(200)
                .body("stored", org.hamcrest.Matchers.equalTo(3));

        String guardian = token("guardianG");
        consentP = Sharing.consent(guardian, y, body(p));
        UUID revoked = Sharing.consent(guardian, y, body(pr));
        io.restassured.RestAssured.given()
                .auth()
                .oauth2(guardian)
                .post("/api/v1/participants/" + y + "/consents/" + revoked + "/revocation")
                .then()
                .statusCode(200);
        Map<String, Object> expired = body(px);
        expired.put("signedOn", Sharing.today().minusDays(400).toString());
        expired.put("validFrom", Sharing.today().minusDays(400).toString());
        expired.put("validUntil", Sharing.today().minusDays(1).toString());
        Sharing.consent(guardian, y, expired);
        Sharing.consent(guardian, y, body(ps));
    }

    static Map<String, Object> body(String provider) {
        return Sharing.consentBody(provider, List.of("SCHOOL_ATTENDANCE"), "ELECTRONIC");
    }

    public String token(String actor) {
        return switch (actor) {
            case "guardianG" -> Tokens.of(g, List.of("guardian"), null);
            case "guardianH" ->
                    Tokens.of("guardian-" + UUID.randomUUID(), List.of("guardian"), null);
            case "stewardD" -> Sharing.steward(d);
            case "stewardD2" -> Sharing.steward(d2);
            case "caseManagerP" -> Tokens.of("case-manager", p);
            case "caseManagerPR" -> Tokens.of("case-manager", pr);
            case "caseManagerPX" -> Tokens.of("case-manager", px);
            case "caseManagerPN" -> Tokens.of("case-manager", pn);
            case "caseManagerPS" -> Tokens.of("case-manager", ps);
            case "staffP" -> Tokens.of("provider-staff", p);
            case "cityAdmin" -> Tokens.of("city-admin", "CITY");
            case "evaluatorE" -> Tokens.of("evaluator", e);
            case "dashboard" -> Tokens.of("dashboard", e);
            case "auditor" -> Tokens.of("auditor", null);
            default -> throw new IllegalArgumentException(actor);
        };
    }
}
