package kz.shlyuz.gateway.process;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The short reference of a case that people read out over the phone (issue 11.10): the year and
 * eight characters in two groups, e.g. {@code 2026-K7Q2-M9XA}, instead of the 33-character case id.
 *
 * <p>The stored case id stays as it is ({@link CaseIds}: the indexes, request ids, notices and
 * every client use it); the reference is derived from it, never stored: its last 40 bits, which
 * are random, in Crockford's base 32 (no I, L, O, U, so nothing is misheard as 1 or 0). Forty
 * random bits repeat among a year's cases only rarely, and never within one applicant's cases in
 * practice; the call centre finds the case among the applicant's own (by IIN), where the
 * reference is unique.
 */
public final class CaseReference {
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final Pattern ID = Pattern.compile("C(\\d{4})-[0-9A-F]{18}([0-9A-F]{10})");

    private CaseReference() {}

    /** The short reference of {@code caseId}; an id not made by {@link CaseIds} is returned as it is. */
    public static String of(String caseId) {
        Matcher m = ID.matcher(caseId);
        if (!m.matches()) {
            return caseId;
        }
        long bits = Long.parseLong(m.group(2), 16);
        char[] out = new char[8];
        for (int i = 7; i >= 0; i--) {
            out[i] = ALPHABET.charAt((int) (bits & 31));
            bits >>>= 5;
        }
        String code = new String(out);
        return m.group(1) + "-" + code.substring(0, 4) + "-" + code.substring(4);
    }
}
