package io.steward.crypto;

import com.google.crypto.tink.Aead;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;

/**
 * Envelope encryption of personal fields.
 *
 * <p>Layout of a stored value, one {@code bytea}:
 *
 * <pre>
 *   byte 0        format version, 0x01
 *   bytes 1..16   id of the data key (UUID, big-endian) in table data_key
 *   bytes 17..    Tink AEAD ciphertext under that data key (AES-256-GCM: 5-byte key prefix,
 *                 12-byte nonce, ciphertext, 16-byte tag)
 * </pre>
 *
 * <p>The associated data is always {@code table/column/rowId}, so a value copied to another row or
 * column fails to decrypt. Data keys are wrapped by the master keyset ({@link MasterKeys}), itself
 * wrapped by the root key from {@code STEWARD_CRYPTO_MASTER_KEYSET} or the KMS.
 */
@ApplicationScoped
public class Envelope {

    private static final byte VERSION = 1;
    private static final int HEADER = 17;

    @Inject DataKeys keys;

    /** Encrypts a field under the current data key of a scope. Null stays null. */
    public byte[] encrypt(String scope, String plaintext, FieldContext context) {
        if (plaintext == null) {
            return null;
        }
        UUID keyId = keys.currentId(scope, DataKeys.Purpose.AEAD);
        try {
            byte[] sealed =
                    keys.aead(keyId)
                            .encrypt(plaintext.getBytes(StandardCharsets.UTF_8), context.bytes());
            return ByteBuffer.allocate(HEADER + sealed.length)
                    .put(VERSION)
                    .putLong(keyId.getMostSignificantBits())
                    .putLong(keyId.getLeastSignificantBits())
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("STW-CRYPTO-0020 encryption failed");
        }
    }

    /** Decrypts a field; fails if the value was moved, altered, or its data key destroyed. */
    public String decrypt(byte[] stored, FieldContext context) {
        if (stored == null) {
            return null;
        }
        if (stored.length <= HEADER || stored[0] != VERSION) {
            throw new IllegalStateException("STW-CRYPTO-0021 unknown envelope format");
        }
        ByteBuffer buffer = ByteBuffer.wrap(stored);
        buffer.get();
        UUID keyId = new UUID(buffer.getLong(), buffer.getLong());
        Aead aead = keys.aead(keyId);
        try {
            byte[] sealed = new byte[stored.length - HEADER];
            buffer.get(sealed);
            return new String(aead.decrypt(sealed, context.bytes()), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("STW-CRYPTO-0022 decryption failed");
        }
    }
}
