package io.steward.common;

import io.steward.crypto.DataKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Paging cursors, each bound to the walk that gave it out. A cursor is the base64url text of a
 * 16-byte tag followed by {@code c2␟part␟part...}, the sort key of the last row served. The tag is
 * an HMAC-SHA256 PRF (a data key of scope {@code cursor}, shared by every replica) over the list
 * kind, the scope parts ({@link CursorScope}) and the key, so a cursor given to another list, to
 * the same list for another program, youth or filter, or altered in any byte, is refused with 400
 * naming {@code cursor}. The scope is never written into the cursor.
 */
@ApplicationScoped
public class Cursors {

    static final String SCOPE = "cursor";
    static final String REFUSED = "is not a cursor this list gave out";
    private static final String VERSION = "c2";
    private static final String SEPARATOR = "\u001f";
    private static final int TAG_BYTES = 16;

    @Inject DataKeys keys;

    /**
     * Reads the paging parameters of a request to a list: 400 naming {@code limit} unless it is
     * plain digits from 1 to 500, 400 naming {@code cursor} unless this walk gave it out with a
     * sort key of {@code keyParts} parts.
     */
    public PageRequest page(String limit, String cursor, CursorScope scope, int keyParts) {
        int size = PageRequest.limit(limit);
        List<String> after = cursor == null ? null : decode(cursor, scope, keyParts);
        return new PageRequest(size, after, key -> encode(scope, key));
    }

    String encode(CursorScope scope, String... key) {
        byte[] body =
                (VERSION + SEPARATOR + String.join(SEPARATOR, key))
                        .getBytes(StandardCharsets.UTF_8);
        byte[] cursor = Arrays.copyOf(tag(scope, body), TAG_BYTES + body.length);
        System.arraycopy(body, 0, cursor, TAG_BYTES, body.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(cursor);
    }

    private List<String> decode(String cursor, CursorScope scope, int keyParts) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw refused();
        }
        // The decoder ignores the unused bits of a last character; only the text given out counts.
        if (bytes.length <= TAG_BYTES
                || !Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(cursor)) {
            throw refused();
        }
        byte[] body = Arrays.copyOfRange(bytes, TAG_BYTES, bytes.length);
        if (!MessageDigest.isEqual(Arrays.copyOf(bytes, TAG_BYTES), tag(scope, body))) {
            throw refused();
        }
        List<String> parts = List.of(new String(body, StandardCharsets.UTF_8).split(SEPARATOR, -1));
        // Only a cursor written by an older layout of the same walk could fail these.
        if (parts.size() != keyParts + 1 || !VERSION.equals(parts.get(0))) {
            throw refused();
        }
        if (parts.stream().anyMatch(part -> Text.problem(part) != null)) {
            throw refused();
        }
        return parts.subList(1, parts.size());
    }

    /** The tag of a cursor body in a scope: kind, parts and body, each framed by its length. */
    private byte[] tag(CursorScope scope, byte[] body) {
        StringBuilder input = new StringBuilder("steward/cursor");
        frame(input, scope.kind());
        input.append('\u0000').append(scope.parts().size());
        for (String part : scope.parts()) {
            frame(input, part);
        }
        byte[] head = input.append('\u0000').toString().getBytes(StandardCharsets.UTF_8);
        byte[] message = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, message, head.length, body.length);
        try {
            return keys.prf(SCOPE).computePrimary(message, TAG_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("STW-PAGE-0001 cursor tag failed");
        }
    }

    private static void frame(StringBuilder input, String part) {
        input.append('\u0000');
        if (part == null) {
            input.append('-');
        } else {
            input.append(part.length()).append(':').append(part);
        }
    }

    /** The refusal of a cursor this walk did not give out. */
    public static ApiException refused() {
        return ApiException.invalid("cursor", REFUSED);
    }
}
