package io.steward.crypto;

/** A data key was destroyed, so whatever it protected can no longer be decrypted. */
public final class KeyDestroyedException extends RuntimeException {
    public KeyDestroyedException() {
        super("data key destroyed", null, false, false);
    }
}
