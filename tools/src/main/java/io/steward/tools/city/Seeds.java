package io.steward.tools.city;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Random;

/**
 * Deterministic randomness keyed by a seed and a name, so that one youth's generated data does not
 * change when another youth is added or the order of the input changes.
 */
public final class Seeds {

    private Seeds() {}

    /** A generator for this seed and these name parts; the same inputs give the same stream. */
    public static Random random(long seed, String... parts) {
        return new Random(seed ^ digest(parts));
    }

    /** A stable index in {@code [0, size)} for a name, the same on every machine and JVM. */
    public static int bucket(String name, int size) {
        return (int) Math.floorMod(digest(name), (long) size);
    }

    private static long digest(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            byte[] hash = sha.digest();
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (hash[i] & 0xff);
            }
            return value;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
