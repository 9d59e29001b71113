package io.steward.common;

/** Strong entity tags from row versions, and the {@code If-Match} check that uses them. */
public final class ETags {

    private ETags() {}

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * Fails with 412 when an {@code If-Match} header is present and names no tag of this version.
     * Comparison is strong (RFC 9110, 13.1.1): a weak tag ({@code W/"3"}) never matches.
     */
    public static void check(String ifMatch, long version) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        String expected = of(version);
        for (String tag : ifMatch.split(",")) {
            if (tag.trim().equals(expected)) {
                return;
            }
        }
        throw ApiException.of(
                ProblemKind.PRECONDITION_FAILED, "The resource has changed since you read it.");
    }
}
