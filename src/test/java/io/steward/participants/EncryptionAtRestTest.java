package io.steward.participants;

import static io.restassured.RestAssured.given;
import static io.steward.support.YouthFixtures.admin;
import static io.steward.support.YouthFixtures.provider;
import static io.steward.support.YouthFixtures.staff;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.steward.crypto.Envelope;
import io.steward.crypto.FieldContext;
import io.steward.crypto.PlaintextSealing;
import io.steward.imports.ImportFixtures;
import io.steward.support.Sharing;
import io.steward.support.Tokens;
import io.steward.support.YouthFixtures;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Personal values never reach the database in plaintext, and ciphertexts are bound to rows. */
@QuarkusTest
class EncryptionAtRestTest {

    @Inject AgroalDataSource db;
    @Inject Envelope envelope;
    @Inject PlaintextSealing sealing;
    @Inject ImportFixtures imports;

    @Test
    @SuppressWarnings("unchecked")
    void dump_afterCreatingYouth_holdsNoPersonalValueInPlaintext() throws SQLException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = YouthFixtures.body();
        body.put("firstName", "Ye\u0301senia" + tag);
        body.put("lastName", "Quillfeather" + tag);
        body.put("dateOfBirth", "2012-11-23");
        body.put("districtStudentId", "STU" + tag + "Q");
        Map<String, Object> guardian = ((List<Map<String, Object>>) body.get("guardians")).get(0);
        guardian.put("name", "Marisol Quillfeather" + tag);
        guardian.put("email", "mq" + tag + "@example.test");
        guardian.put("phone", "+1 555 0123 987");
        guardian.put("relationship", "Godmother" + tag);
        String org = provider();
        String id = YouthFixtures.create(staff(org), body);
        String program = YouthFixtures.program(org);
        withdraw(org, program, YouthFixtures.enroll(org, program, id), "Quillhaven" + tag);
        given().auth().oauth2(admin()).get("/api/v1/participants/" + id).then().statusCode(200);
        consent(org, id, "Thessaly Quillfeather" + tag, "Foster aunt" + tag);
        importYouth("Stepfather" + tag);
        legacyPlaintext("Grandaunt" + tag, "Marrowvale" + tag);
        legacyConsent("Step-grandfather" + tag);

        String dump = dumpDatabase().toLowerCase(Locale.ROOT);

        assertTrue(dump.contains(id), "the dump reads the participant table");
        assertTrue(dump.contains(body.get("districtCode").toString().toLowerCase(Locale.ROOT)));
        List<String> personal =
                List.of(
                        "Y\u00e9senia" + tag,
                        "Ye\u0301senia" + tag,
                        "senia" + tag,
                        "Quillfeather" + tag,
                        "2012-11-23",
                        "STU" + tag + "Q",
                        "Marisol Quillfeather",
                        "mq" + tag + "@example.test",
                        "555 0123 987",
                        "Godmother" + tag,
                        "Quillhaven" + tag,
                        "Stepfather" + tag,
                        "Grandaunt" + tag,
                        "Marrowvale" + tag,
                        "Thessaly Quillfeather",
                        "Foster aunt" + tag,
                        "Step-grandfather" + tag);
        for (String value : personal) {
            assertFalse(dump.contains(value.toLowerCase(Locale.ROOT)), "plaintext in the dump");
        }
    }

    private static void withdraw(String org, String program, String enrollment, String reason) {
        given().auth()
                .oauth2(staff(org))
                .contentType(ContentType.JSON)
                .body(Map.of("endDate", "2026-01-31", "reason", reason))
                .post("/api/v1/programs/" + program + "/enrollments/" + enrollment + "/withdrawal")
                .then()
                .statusCode(200)
                .body("withdrawalReason", equalTo(reason));
    }

    /** A youth with a guardian written by a bulk import, which seals with COPY of its own. */
    private void importYouth(String relationship) {
        String org = imports.provider();
        UUID program = imports.program(org);
        String token = Tokens.of("provider-staff", org);
        String file =
                ImportFixtures.HEADER
                        + "\n"
                        + ImportFixtures.csv(
                                program,
                                "Ada",
                                "Lovelace",
                                "2012-01-01",
                                "5",
                                "D1",
                                "F-" + UUID.randomUUID(),
                                null,
                                "Pat Doe",
                                relationship,
                                null,
                                "2025-09-01");
        String job =
                ImportFixtures.postCsv(token, file).then().statusCode(202).extract().path("id");
        ImportFixtures.finished(token, job).then().body("status", equalTo("SUCCEEDED"));
    }

    /**
     * A guardian and a withdrawal as the previous version stored them, in the plaintext columns,
     * then sealed by the migration; both still read back through the API.
     */
    private void legacyPlaintext(String relationship, String reason) throws SQLException {
        String org = provider();
        String youth = YouthFixtures.create(staff(org), YouthFixtures.body());
        String program = YouthFixtures.program(org);
        String enrollment = YouthFixtures.enroll(org, program, youth);
        withdraw(org, program, enrollment, "placeholder");
        execute(
                "update guardian set relationship = ?, relationship_sealed = null"
                        + " where participant_id = ?",
                relationship,
                UUID.fromString(youth));
        execute(
                "update enrollment set withdrawal_reason = ?, withdrawal_reason_sealed = null"
                        + " where id = ?",
                reason,
                UUID.fromString(enrollment));

        sealing.sealAll();

        given().auth()
                .oauth2(admin())
                .get("/api/v1/participants/" + youth)
                .then()
                .statusCode(200)
                .body("guardians[0].relationship", equalTo(relationship));
        given().auth()
                .oauth2(staff(org))
                .get("/api/v1/programs/" + program + "/enrollments/" + enrollment)
                .then()
                .statusCode(200)
                .body("withdrawalReason", equalTo(reason));
    }

    /** A paper consent recorded through the API; grantor name and relationship read back. */
    private static String consent(String org, String youth, String name, String relationship) {
        Map<String, Object> body = Sharing.consentBody(org, List.of("GRADES"), "PAPER");
        body.put("grantor", Map.of("name", name, "relationship", relationship));
        UUID id = Sharing.consent(staff(org), UUID.fromString(youth), body);
        given().auth()
                .oauth2(staff(org))
                .get("/api/v1/participants/" + youth + "/consents/" + id)
                .then()
                .statusCode(200)
                .body("grantor.name", equalTo(name))
                .body("grantor.relationship", equalTo(relationship));
        return id.toString();
    }

    /**
     * A consent as the previous version stored it, with the grantor's relationship in the plaintext
     * column (consents are append-only, so it is inserted as a copy of one made through the API),
     * then sealed by the migration; it still reads back through the API.
     */
    private void legacyConsent(String relationship) throws SQLException {
        String org = provider();
        String youth = YouthFixtures.create(staff(org), YouthFixtures.body());
        YouthFixtures.enroll(org, YouthFixtures.program(org), youth);
        UUID template = UUID.fromString(consent(org, youth, "Pat Doe", "placeholder"));
        UUID legacy = UUID.randomUUID();
        byte[] name =
                envelope.encrypt(
                        ParticipantCipher.SCOPE,
                        "Pat Doe",
                        FieldContext.of("consent", "grantor_name", legacy));
        execute(
                "insert into consent (id, participant_id, grantor_name, grantor_relationship,"
                        + " recipient_id, data_categories, purpose, signed_on, valid_from,"
                        + " valid_until, method, evidence_sha256, evidence_media_type,"
                        + " recorded_at, recorded_by, recorded_by_org)"
                        + " select ?, participant_id, ?, ?, recipient_id, data_categories,"
                        + " purpose, signed_on, valid_from, valid_until, method, evidence_sha256,"
                        + " evidence_media_type, recorded_at, recorded_by, recorded_by_org"
                        + " from consent where id = ?",
                legacy,
                name,
                relationship,
                template);
        String path = "/api/v1/participants/" + youth + "/consents/" + legacy;
        given().auth()
                .oauth2(staff(org))
                .get(path)
                .then()
                .statusCode(200)
                .body("grantor.relationship", equalTo(relationship));

        sealing.sealAll();

        given().auth()
                .oauth2(staff(org))
                .get(path)
                .then()
                .statusCode(200)
                .body("grantor.name", equalTo("Pat Doe"))
                .body("grantor.relationship", equalTo(relationship));
    }

    private void execute(String sql, Object... parameters) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                st.setObject(i + 1, parameters[i]);
            }
            assertEquals(1, st.executeUpdate());
        }
    }

    @Test
    void decrypt_ciphertextMovedToAnotherRowOrColumn_fails() {
        UUID row = UUID.randomUUID();
        FieldContext home = FieldContext.of("participant", "first_name", row);
        byte[] sealed = envelope.encrypt(ParticipantCipher.SCOPE, "Synthetic", home);

        assertEquals("Synthetic", envelope.decrypt(sealed, home));
        FieldContext otherRow = FieldContext.of("participant", "first_name", UUID.randomUUID());
        assertThrows(IllegalStateException.class, () -> envelope.decrypt(sealed, otherRow));
        FieldContext otherColumn = FieldContext.of("participant", "last_name", row);
        assertThrows(IllegalStateException.class, () -> envelope.decrypt(sealed, otherColumn));
        FieldContext otherTable = FieldContext.of("guardian", "first_name", row);
        assertThrows(IllegalStateException.class, () -> envelope.decrypt(sealed, otherTable));
    }

    @Test
    void read_nameCopiedFromAnotherYouthsRow_failsWithoutRevealingIt() throws SQLException {
        Map<String, Object> source = YouthFixtures.body();
        String from = YouthFixtures.create(staff(provider()), source);
        String to = YouthFixtures.create(staff(provider()), YouthFixtures.body());
        byte[] original = column(to);
        try {
            copyFirstName(from, to);

            String answer =
                    given().auth()
                            .oauth2(admin())
                            .get("/api/v1/participants/" + to)
                            .then()
                            .statusCode(500)
                            .extract()
                            .asString();

            assertFalse(answer.contains(source.get("firstName").toString()));
        } finally {
            restore(to, original);
        }
        given().auth().oauth2(admin()).get("/api/v1/participants/" + to).then().statusCode(200);
    }

    /** Every column of every table in the schema, as text; bytea decoded as UTF-8 and Latin-1. */
    private String dumpDatabase() throws SQLException {
        StringBuilder dump = new StringBuilder();
        try (Connection c = db.getConnection()) {
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rs =
                    c.createStatement()
                            .executeQuery(
                                    "select c.table_name, c.column_name, c.data_type"
                                            + " from information_schema.columns c"
                                            + " join information_schema.tables t"
                                            + " on t.table_schema = c.table_schema"
                                            + " and t.table_name = c.table_name"
                                            + " where c.table_schema = current_schema()"
                                            + " and t.table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    columns.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
            assertTrue(columns.stream().anyMatch(col -> col[0].equals("guardian")));
            for (String[] col : columns) {
                boolean bytes = col[2].equals("bytea");
                String select = bytes ? "\"" + col[1] + "\"" : "\"" + col[1] + "\"::text";
                try (ResultSet rs =
                        c.createStatement()
                                .executeQuery("select " + select + " from \"" + col[0] + "\"")) {
                    while (rs.next()) {
                        if (bytes) {
                            byte[] value = rs.getBytes(1);
                            if (value != null) {
                                dump.append(new String(value, StandardCharsets.UTF_8)).append('\n');
                                dump.append(new String(value, StandardCharsets.ISO_8859_1));
                            }
                        } else {
                            dump.append(rs.getString(1));
                        }
                        dump.append('\n');
                    }
                }
            }
        }
        return dump.toString();
    }

    private byte[] column(String id) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement st =
                        c.prepareStatement("select first_name from participant where id = ?")) {
            st.setObject(1, UUID.fromString(id));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        }
    }

    private void copyFirstName(String from, String to) throws SQLException {
        restore(to, column(from));
    }

    private void restore(String id, byte[] value) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement st =
                        c.prepareStatement("update participant set first_name = ? where id = ?")) {
            st.setBytes(1, value);
            st.setObject(2, UUID.fromString(id));
            assertEquals(1, st.executeUpdate());
        }
    }
}
