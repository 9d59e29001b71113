package io.steward.common;

import java.util.UUID;

/** Resource ids from paths: anything that is not a UUID names no resource, so it is a 404. */
public final class Ids {

    private Ids() {}

    public static UUID parse(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound();
        }
    }
}
