package io.steward.common;

import java.io.IOException;
import java.io.InputStream;

/**
 * The rule for an operation that takes no body ({@code POST .../signature}, {@code POST
 * /admin/keys/rotation}): it may come without a body, or with an empty one (Content-Length 0),
 * whatever its Content-Type; a body with even one byte is a 400 and the operation does nothing.
 * Only the first byte is read, so a large body costs nothing.
 */
public final class NoBody {

    private NoBody() {}

    /** Refuses a body that is not empty; call first, before any work. */
    public static void require(InputStream body) {
        int first;
        try {
            first = body == null ? -1 : body.read();
        } catch (IOException e) {
            throw ApiException.of(ProblemKind.MALFORMED_BODY, "The body could not be read.");
        }
        if (first != -1) {
            throw ApiException.invalid("body", "this request takes no body");
        }
    }
}
