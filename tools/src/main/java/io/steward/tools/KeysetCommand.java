package io.steward.tools;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;

/**
 * Writes a fresh AES-256-GCM Tink JSON keyset, readable by its owner only, for a local run's {@code
 * STEWARD_CRYPTO_MASTER_KEYSET}. The file is cleartext key material: it belongs in an ignored
 * folder such as {@code .local/}, never in the repository, and a real deployment uses a KMS key
 * instead.
 */
final class KeysetCommand {

    private KeysetCommand() {}

    static int run(String[] args) throws IOException, GeneralSecurityException {
        if (args.length != 1) {
            System.err.println("usage: steward-tools keyset FILE");
            return 2;
        }
        Path file = Path.of(args[0]);
        if (Files.exists(file)) {
            System.err.println("keyset exists, left as it is: " + file);
            return 0;
        }
        AeadConfig.register();
        KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        String json =
                TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        Files.createFile(
                file,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, json, StandardCharsets.UTF_8);
        System.err.println("wrote a new keyset: " + file);
        return 0;
    }
}
