package kz.shlyuz.gateway.status;

/**
 * A caller's text made safe to show: bounded in length and with every control or invisible
 * character escaped, so that what a caller sends (a type URL, a message id, a sender id) can go
 * into a refusal's detail or a log line without breaking the gRPC trailers (which are bounded in
 * size) or forging log lines (a newline in a message id would start a line of the caller's choice).
 */
public final class Untrusted {
    /** What a log line or a refusal shows of one untrusted value. */
    public static final int SHOWN_CHARS = 80;
    /** The most a refusal's whole detail may hold, whatever it is built from. */
    public static final int DETAIL_CHARS = 1_000;

    private Untrusted() {}

    /** {@code value} bounded to {@link #SHOWN_CHARS} and escaped; {@code "null"} for none. */
    public static String shown(String value) {
        return bounded(value, SHOWN_CHARS);
    }

    /**
     * {@code value} with control characters (C0, DEL, C1), line and paragraph separators, bidi
     * controls and other format characters written as {@code \\uXXXX}, and cut after
     * {@code maxChars} characters of the original, the cut marked with {@code …(N chars)}.
     */
    public static String bounded(String value, int maxChars) {
        if (value == null) {
            return "null";
        }
        int shown = Math.min(value.length(), maxChars);
        // Do not cut a surrogate pair in half.
        if (shown > 0 && shown < value.length() && Character.isHighSurrogate(value.charAt(shown - 1))) {
            shown--;
        }
        StringBuilder out = null;
        for (int i = 0; i < shown; i++) {
            char c = value.charAt(i);
            if (unsafe(c)) {
                if (out == null) {
                    out = new StringBuilder(shown + 16).append(value, 0, i);
                }
                out.append(String.format("\\u%04x", (int) c));
            } else if (c == '\\' && out == null) {
                out = new StringBuilder(shown + 16).append(value, 0, i).append("\\\\");
            } else if (c == '\\') {
                out.append("\\\\");
            } else if (out != null) {
                out.append(c);
            }
        }
        String result = out == null ? value.substring(0, shown) : out.toString();
        return shown < value.length() ? result + "…(" + value.length() + " chars)" : result;
    }

    private static boolean unsafe(char c) {
        if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.FORMAT
                || type == Character.UNASSIGNED;
    }
}
