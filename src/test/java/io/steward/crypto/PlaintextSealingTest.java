package io.steward.crypto;

import static io.steward.support.YouthFixtures.admin;
import static io.steward.support.YouthFixtures.provider;
import static io.steward.support.YouthFixtures.staff;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.steward.support.YouthFixtures;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Values earlier versions stored in plaintext are sealed in place, once. */
@QuarkusTest
class PlaintextSealingTest {

    @Inject AgroalDataSource db;
    @Inject PlaintextSealing sealing;

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
    void sealAll_nothingLeft_sealsNothing() {
        sealing.sealAll();

        assertEquals(0, sealing.sealAll());
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
