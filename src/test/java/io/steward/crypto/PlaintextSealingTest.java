package io.steward.crypto;

import static io.steward.support.YouthFixtures.admin;
import static io.steward.support.YouthFixtures.provider;
import static io.steward.support.YouthFixtures.staff;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.steward.support.Sharing;
import io.steward.support.YouthFixtures;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Values earlier versions stored in plaintext are sealed in place, once. */
@QuarkusTest
class PlaintextSealingTest {

    @Inject AgroalDataSource db;
    @Inject PlaintextSealing sealing;
    @Inject Envelope envelope;

    @Test
    void sealAll_plaintextBesideASealedValue_keepsTheSealedOneAndEmptiesThePlaintext()
            throws SQLException {
        String youth = YouthFixtures.create(staff(provider()), YouthFixtures.body());
        UUID id = UUID.fromString(youth);
        update("update guardian set relationship = 'stale text' where participant_id = ?", id);

        sealing.sealAll();

        assertNull(text("select relationship from guardian where participant_id = ?", id));
        RestAssured.given()
                .auth()
                .oauth2(admin())
                .get("/api/v1/participants/" + youth)
                .then()
                .statusCode(200)
                .body("guardians[0].relationship", equalTo("parent"));
    }

    @Test
    void sealAll_consentWithPlaintextBesideASealedValue_keepsTheSealedOneAndEmptiesThePlaintext()
            throws SQLException {
        String org = provider();
        String youth = YouthFixtures.create(staff(org), YouthFixtures.body());
        YouthFixtures.enroll(org, YouthFixtures.program(org), youth);
        UUID template =
                Sharing.consent(
                        staff(org),
                        UUID.fromString(youth),
                        Sharing.consentBody(org, List.of("GRADES"), "PAPER"));
        UUID id = UUID.randomUUID();
        copyConsent(template, id, "stale text", "aunt");

        sealing.sealAll();

        assertNull(text("select grantor_relationship from consent where id = ?", id));
        RestAssured.given()
                .auth()
                .oauth2(staff(org))
                .get("/api/v1/participants/" + youth + "/consents/" + id)
                .then()
                .statusCode(200)
                .body("grantor.relationship", equalTo("aunt"));
    }

    @Test
    void consentTrigger_allowsOnlySealingThePlaintextRelationship() throws SQLException {
        String org = provider();
        String youth = YouthFixtures.create(staff(org), YouthFixtures.body());
        YouthFixtures.enroll(org, YouthFixtures.program(org), youth);
        UUID template =
                Sharing.consent(
                        staff(org),
                        UUID.fromString(youth),
                        Sharing.consentBody(org, List.of("GRADES"), "PAPER"));
        UUID legacy = UUID.randomUUID();
        copyConsent(template, legacy, "uncle", null);
        byte[] sealed = envelope.encrypt("participant", "uncle", relationship(legacy));

        assertRefused("update consent set grantor_relationship = null where id = ?", null, legacy);
        assertRefused(
                "update consent set grantor_relationship = null, grantor_relationship_sealed = ?,"
                        + " purpose = 'widened' where id = ?",
                sealed,
                legacy);
        assertRefused(
                "update consent set grantor_relationship_sealed = ? where id = ?",
                sealed,
                template);
        update(
                "update consent set grantor_relationship = null, grantor_relationship_sealed = ?"
                        + " where id = ?",
                sealed,
                legacy);
        assertRefused(
                "update consent set grantor_relationship = 'uncle',"
                        + " grantor_relationship_sealed = null where id = ?",
                null,
                legacy);
        assertRefused("delete from consent where id = ?", null, legacy);
    }

    @Test
    void sealAll_nothingLeft_sealsNothing() {
        sealing.sealAll();

        assertEquals(0, sealing.sealAll());
    }

    /**
     * Inserts a copy of a consent under a new id as the previous version would have written it: a
     * plaintext relationship and, if given, a sealed one beside it.
     */
    private void copyConsent(UUID from, UUID id, String plaintext, String sealed)
            throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement st =
                        c.prepareStatement(
                                "insert into consent (id, participant_id, grantor_name,"
                                        + " grantor_relationship, grantor_relationship_sealed,"
                                        + " recipient_id, data_categories, purpose, signed_on,"
                                        + " valid_from, valid_until, method, evidence_sha256,"
                                        + " evidence_media_type, recorded_at, recorded_by,"
                                        + " recorded_by_org) select ?, participant_id, ?, ?, ?,"
                                        + " recipient_id, data_categories, purpose, signed_on,"
                                        + " valid_from, valid_until, method, evidence_sha256,"
                                        + " evidence_media_type, recorded_at, recorded_by,"
                                        + " recorded_by_org from consent where id = ?")) {
            st.setObject(1, id);
            st.setBytes(
                    2,
                    envelope.encrypt(
                            "participant",
                            "Dana Example",
                            FieldContext.of("consent", "grantor_name", id)));
            st.setString(3, plaintext);
            st.setBytes(
                    4,
                    sealed == null
                            ? null
                            : envelope.encrypt("participant", sealed, relationship(id)));
            st.setObject(5, from);
            assertEquals(1, st.executeUpdate());
        }
    }

    private static FieldContext relationship(UUID consent) {
        return FieldContext.of("consent", "grantor_relationship", consent);
    }

    private void update(String sql, byte[] value, UUID id) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement st = c.prepareStatement(sql)) {
            st.setBytes(1, value);
            st.setObject(2, id);
            assertEquals(1, st.executeUpdate());
        }
    }

    private void assertRefused(String sql, byte[] value, UUID id) {
        assertThrows(
                SQLException.class,
                () -> {
                    if (sql.indexOf('?') == sql.lastIndexOf('?')) {
                        update(sql, id);
                    } else {
                        update(sql, value, id);
                    }
                });
    }

    private void update(String sql, UUID id) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement st = c.prepareStatement(sql)) {
            st.setObject(1, id);
            assertEquals(1, st.executeUpdate());
        }
    }

    private String text(String sql, UUID id) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement st = c.prepareStatement(sql)) {
            st.setObject(1, id);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
