package io.steward.crypto;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.steward.support.Tokens;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class KeyRotationTest {

    @Inject Envelope envelope;
    @Inject DataKeys keys;
    @Inject EntityManager em;
    @Inject DestructionLedger ledger;

    @Test
    void rotate_oldDataStaysReadableAndKeysAreRewrapped() throws Exception {
        String scope = "rotation-test-" + UUID.randomUUID();
        FieldContext context = FieldContext.of("participant", "first_name", UUID.randomUUID());
        byte[] sealed = envelope.encrypt(scope, "Ada", context);
        UUID keyId = keys.currentId(scope, DataKeys.Purpose.AEAD);
        long before = masterKeyOf(keyId);

        int primary =
                given().auth()
                        .oauth2(Tokens.of("city-admin", "CITY"))
                        .post("/api/v1/admin/keys/rotation")
                        .then()
                        .statusCode(202)
                        .extract()
                        .path("primaryKeyId");

        assertNotEquals(before, primary);
        for (int i = 0; i < 100 && masterKeyOf(keyId) != primary; i++) {
            Thread.sleep(100);
        }
        assertEquals(primary, masterKeyOf(keyId));
        keys.evictAll();
        assertEquals("Ada", envelope.decrypt(sealed, context));
    }

    @Test
    void rotate_asAuditor_returns403() {
        given().auth()
                .oauth2(Tokens.of("auditor", "CITY"))
                .post("/api/v1/admin/keys/rotation")
                .then()
                .statusCode(403);
    }

    @Test
    void decrypt_valueMovedToAnotherRow_fails() {
        String scope = "binding-test-" + UUID.randomUUID();
        byte[] sealed =
                envelope.encrypt(
                        scope,
                        "Ada",
                        FieldContext.of("participant", "first_name", UUID.randomUUID()));
        assertThrows(
                IllegalStateException.class,
                () ->
                        envelope.decrypt(
                                sealed,
                                FieldContext.of("participant", "first_name", UUID.randomUUID())));
    }

    @Test
    void decrypt_afterScopeDestroyed_fails() {
        String scope = "destroy-test-" + UUID.randomUUID();
        FieldContext context = FieldContext.of("academic_record", "mark", UUID.randomUUID());
        byte[] sealed = envelope.encrypt(scope, "B+", context);
        QuarkusTransaction.requiringNew().run(() -> keys.destroyScope(scope));
        keys.evictAll();
        assertThrows(KeyDestroyedException.class, () -> envelope.decrypt(sealed, context));
    }

    @Test
    void replay_keyRestoredFromBackup_isDestroyedAgain() throws Exception {
        String scope = "ledger-test-" + UUID.randomUUID();
        FieldContext context = FieldContext.of("academic_record", "mark", UUID.randomUUID());
        envelope.encrypt(scope, "A", context);
        UUID keyId = keys.currentId(scope, DataKeys.Purpose.AEAD);
        byte[] wrapped =
                QuarkusTransaction.requiringNew()
                        .call(
                                () ->
                                        (byte[])
                                                em.createNativeQuery(
                                                                "select wrapped from data_key where"
                                                                        + " id = ?1")
                                                        .setParameter(1, keyId)
                                                        .getSingleResult());
        QuarkusTransaction.requiringNew().run(() -> keys.destroyScope(scope));
        assertTrue(ledger.recorded().contains(keyId));

        // A restore from an older backup brings the wrapped key back.
        QuarkusTransaction.requiringNew()
                .run(
                        () ->
                                em.createNativeQuery(
                                                "update data_key set wrapped = ?1, destroyed_at ="
                                                        + " null where id = ?2")
                                        .setParameter(1, wrapped)
                                        .setParameter(2, keyId)
                                        .executeUpdate());
        int again =
                QuarkusTransaction.requiringNew()
                        .call(() -> ledger.destroyAgain(ledger.recorded()));

        assertEquals(1, again);
        Object restored =
                QuarkusTransaction.requiringNew()
                        .call(
                                () ->
                                        em.createNativeQuery(
                                                        "select wrapped from data_key where id ="
                                                                + " ?1")
                                                .setParameter(1, keyId)
                                                .getSingleResult());
        assertNull(restored);
    }

    private long masterKeyOf(UUID keyId) {
        return QuarkusTransaction.requiringNew()
                .call(
                        () ->
                                ((Number)
                                                em.createNativeQuery(
                                                                "select master_key_id from data_key"
                                                                        + " where id = ?1")
                                                        .setParameter(1, keyId)
                                                        .getSingleResult())
                                        .longValue());
    }
}
