package io.steward.common;

/**
 * The rule for text a client sends, in JSON bodies, query parameters and cursors: no control
 * characters (Unicode category Cc: U+0000 to U+001F, U+007F to U+009F), and no lone UTF-16
 * surrogate, which no encoding can store (PostgreSQL would refuse a NUL; a lone surrogate would be
 * stored as "?"). Text marked {@link MultiLine} may also hold tabs and line breaks.
 */
public final class Text {

    /** The same rule as a regular expression, for {@code @Pattern} on fields checked twice. */
    public static final String SINGLE_LINE = "[^\\p{Cc}]*";

    public static final String NO_CONTROL = "must not contain control characters";
    public static final String NO_CONTROL_BUT_LINES =
            "must not contain control characters other than tabs and line breaks";
    public static final String NOT_UNICODE = "must be valid Unicode text (no lone surrogates)";

    private Text() {}

    /** The rule a single-line text breaks, or null when it keeps them all. */
    public static String problem(String text) {
        return problem(text, false);
    }

    /** The rule the text breaks, or null; {@code multiLine} allows tab, CR and LF. */
    public static String problem(String text, boolean multiLine) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return NOT_UNICODE;
            } else if (Character.getType(c) == Character.CONTROL
                    && !(multiLine && (c == '\t' || c == '\n' || c == '\r'))) {
                return multiLine ? NO_CONTROL_BUT_LINES : NO_CONTROL;
            }
        }
        return null;
    }

    /** Whether the text holds a surrogate that is not half of a pair. */
    public static boolean hasLoneSurrogate(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
