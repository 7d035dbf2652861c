package kz.shlyuz.gateway.signature;

import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;

/**
 * Bounds the shape of a BER/DER encoding before any parser sees it: how deep constructed elements
 * nest and how many elements there are. BouncyCastle's BER parser recurses once per nesting level,
 * so a signature nested a hundred thousand levels deep would end in a StackOverflowError; this walk
 * is iterative and stops at the limits (or at the first element that does not fit its parent).
 *
 * <p>Only the first element is walked (trailing bytes are ignored, as the CMS reader does).
 * Primitive values (OCTET STRINGs included) are not looked into.
 */
final class Asn1Bounds {
    private static final int CONSTRUCTED = 0x20;
    private static final int INDEFINITE = -1;

    private Asn1Bounds() {}

    /** Refuses {@code bytes} as SIGNATURE_MALFORMED when it nests deeper or holds more elements than allowed. */
    static void check(byte[] bytes, int maxDepth, int maxElements) {
        String problem = problem(bytes, maxDepth, maxElements);
        if (problem != null) {
            throw new Refusal(Reason.SIGNATURE_MALFORMED, problem);
        }
    }

    /** What is wrong with the shape, or {@code null} when it is within the limits. */
    static String problem(byte[] bytes, int maxDepth, int maxElements) {
        // ends[d]: where the container at depth d ends (INDEFINITE until its end-of-contents);
        // limits[d]: the nearest definite end at or above d, which nothing inside may pass.
        int[] ends = new int[maxDepth + 1];
        int[] limits = new int[maxDepth + 1];
        ends[0] = bytes.length;
        limits[0] = bytes.length;
        int depth = 0;
        int pos = 0;
        int elements = 0;
        while (true) {
            while (depth > 0 && ends[depth] != INDEFINITE && pos == ends[depth]) {
                depth--;
            }
            if (depth == 0 && elements > 0) {
                return null;
            }
            int limit = limits[depth];
            if (pos >= limit) {
                return "truncated element at " + pos;
            }
            if (depth > 0 && ends[depth] == INDEFINITE && bytes[pos] == 0) {
                if (pos + 1 >= limit || bytes[pos + 1] != 0) {
                    return "bad end-of-contents at " + pos;
                }
                pos += 2;
                depth--;
                continue;
            }
            int start = pos;
            int tag = bytes[pos++] & 0xff;
            if ((tag & 0x1f) == 0x1f) {
                int tagBytes = 0;
                do {
                    if (pos >= limit || ++tagBytes > 4) {
                        return "bad tag at " + start;
                    }
                } while ((bytes[pos++] & 0x80) != 0);
            }
            if (pos >= limit) {
                return "truncated element at " + start;
            }
            int first = bytes[pos++] & 0xff;
            long length;
            if (first == 0x80) {
                if ((tag & CONSTRUCTED) == 0) {
                    return "indefinite length of a primitive element at " + start;
                }
                length = INDEFINITE;
            } else if (first > 0x80) {
                int count = first & 0x7f;
                if (count > 4 || pos + count > limit) {
                    return "length of " + count + " bytes at " + start;
                }
                length = 0;
                for (int i = 0; i < count; i++) {
                    length = (length << 8) | (bytes[pos++] & 0xff);
                }
            } else {
                length = first;
            }
            if (length != INDEFINITE && length > limit - pos) {
                return "element at " + start + " runs past its parent";
            }
            if (++elements > maxElements) {
                return "more than " + maxElements + " ASN.1 elements";
            }
            if ((tag & CONSTRUCTED) != 0) {
                if (depth == maxDepth) {
                    return "ASN.1 nested deeper than " + maxDepth + " levels";
                }
                depth++;
                ends[depth] = length == INDEFINITE ? INDEFINITE : pos + (int) length;
                limits[depth] = length == INDEFINITE ? limit : pos + (int) length;
            } else {
                pos += (int) length;
            }
        }
    }
}
