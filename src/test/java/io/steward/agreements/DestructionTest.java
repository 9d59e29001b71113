package io.steward.agreements;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.steward.agreements.destruction.RetentionJob;
import io.steward.crypto.Envelope;
import io.steward.crypto.FieldContext;
import io.steward.crypto.KeyDestroyedException;
import io.steward.support.Sharing;
import io.steward.support.Tokens;
import io.steward.support.Youth;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DestructionTest {

    @Inject Youth youth;
    @Inject Envelope envelope;
    @Inject RetentionJob retention;

    record Stored(UUID id, byte[] payload) {}

    /** A district with two youth, and an ACTIVE agreement holding two records of each. */
    record World(String district, List<String> students, List<UUID> youth) {}

    World world() {
        String district = Youth.org("DISTRICT");
        List<String> students = List.of(Youth.studentId(), Youth.studentId());
        List<UUID> ids = students.stream().map(s -> youth.participant(district, s)).toList();
        return new World(district, students, ids);
    }

    UUID agreementWithRecords(World w) {
        UUID id = Sharing.active(w.district(), Youth.org("EVALUATOR"));
        StringBuilder csv =
                new StringBuilder(
                        "districtStudentId,schoolYear,category,daysEnrolled,daysAbsent\n");
        for (String s : w.students()) {
            csv.append(s).append(",2021-2022,SCHOOL_ATTENDANCE,169,3\n");
            csv.append(s).append(",2022-2023,SCHOOL_ATTENDANCE,170,5\n");
        }
        Sharing.upload(id, w.district(), "text/csv", csv.toString())
                .statusCode(200)
                .body("stored", equalTo(4));
        return id;
    }

    List<Stored> ciphertexts(UUID agreement) {
        return youth
                .query("select id, payload from academic_record where agreement_id = ?1", agreement)
                .stream()
                .map(r -> (Object[]) r)
                .map(r -> new Stored((UUID) r[0], (byte[]) r[1]))
                .toList();
    }

    String decrypt(Stored s) {
        return envelope.decrypt(s.payload(), FieldContext.of("academic_record", "payload", s.id()));
    }

    @Test
    void terminate_makesCopiedCiphertextsUndecryptableAndSparesEverythingElse() {
        World w = world();
        UUID doomed = agreementWithRecords(w);
        UUID kept = agreementWithRecords(w);
        String guardian = "guardian-" + UUID.randomUUID();
        youth.linkGuardian(w.youth().get(0), guardian);
        List<Stored> copies = ciphertexts(doomed);
        assertEquals(4, copies.size());
        copies.forEach(s -> assertTrue(decrypt(s).contains("daysAbsent")));
        Object keyId =
                youth.query("select id from data_key where scope = ?1", "agreement:" + doomed)
                        .get(0);

        given().auth()
                .oauth2(Sharing.steward(w.district()))
                .post("/api/v1/agreements/" + doomed + "/termination")
                .then()
                .statusCode(200)
                .body("status", equalTo("TERMINATED"));

        given().auth()
                .oauth2(Tokens.of("city-admin", "CITY"))
                .get("/api/v1/agreements/" + doomed + "/destruction")
                .then()
                .statusCode(200)
                .body("records", equalTo(4))
                .body("keyIds", contains(keyId.toString()))
                .body("cause", equalTo("TERMINATION"));
        assertEquals(0, ciphertexts(doomed).size());
        assertNull(youth.query("select wrapped from data_key where id = ?1", keyId).get(0));
        for (Stored copy : copies) {
            assertThrows(KeyDestroyedException.class, () -> decrypt(copy));
        }

        List<Stored> others = ciphertexts(kept);
        assertEquals(4, others.size());
        others.forEach(s -> assertTrue(decrypt(s).contains("daysAbsent")));
        for (UUID y : w.youth()) {
            byte[] name =
                    (byte[])
                            youth.query("select first_name from participant where id = ?1", y)
                                    .get(0);
            assertEquals(
                    "Test",
                    envelope.decrypt(name, FieldContext.of("participant", "first_name", y)));
        }
        given().auth()
                .oauth2(Tokens.of(guardian, List.of("guardian"), null))
                .get("/api/v1/participants/" + w.youth().get(0) + "/academic-records")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items.agreementId", contains(kept.toString(), kept.toString()));
        assertEquals(1, youth.audits("agreement.terminate", "agreements/" + doomed, "SUCCESS"));
    }

    @Test
    void retention_endsAgreementsPastTheirDatesOnly() {
        World w = world();
        UUID expired = agreementWithRecords(w);
        UUID deadline = agreementWithRecords(w);
        UUID running = agreementWithRecords(w);
        youth.update(
                "update agreement set effective_from = ?1, effective_until = ?2, destroy_by = ?3"
                        + " where id = ?4",
                Sharing.today().minusDays(90),
                Sharing.today().minusDays(1),
                Sharing.today().plusDays(30),
                expired);
        youth.update(
                "update agreement set effective_until = ?1, destroy_by = ?1 where id = ?2",
                Sharing.today(),
                deadline);
        List<Stored> copies = ciphertexts(expired);

        retention.run(Sharing.today());

        assertCertificate(expired, "EXPIRY");
        assertCertificate(deadline, "DESTROY_BY");
        for (Stored copy : copies) {
            assertThrows(KeyDestroyedException.class, () -> decrypt(copy));
        }
        assertEquals(4, ciphertexts(running).size());
        given().auth()
                .oauth2(Tokens.of("city-admin", "CITY"))
                .get("/api/v1/agreements/" + running)
                .then()
                .body("status", equalTo("ACTIVE"));
        assertEquals(
                1,
                youth.count(
                        "select count(*) from audit_event where action = 'agreement.expire'"
                                + " and resource = ?1 and actor = 'system:agreement-retention'",
                        "agreements/" + expired));

        retention.run(Sharing.today());
        assertEquals(4, ciphertexts(running).size());
    }

    void assertCertificate(UUID agreement, String cause) {
        given().auth()
                .oauth2(Tokens.of("city-admin", "CITY"))
                .get("/api/v1/agreements/" + agreement)
                .then()
                .body("status", equalTo("EXPIRED"));
        given().auth()
                .oauth2(Tokens.of("city-admin", "CITY"))
                .get("/api/v1/agreements/" + agreement + "/destruction")
                .then()
                .statusCode(200)
                .body("records", equalTo(4))
                .body("cause", equalTo(cause))
                .body("keyIds", hasSize(1));
        assertEquals(0, ciphertexts(agreement).size());
    }
}
