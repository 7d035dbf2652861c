package kz.shlyuz.gateway.signature;

/**
 * A strict reader of DER type-length-value elements over a byte array, by offsets: nothing is
 * copied or re-encoded, so a part of a CMS (signed attributes, a certificate) can be hashed or
 * looked up exactly as it was received. Only what DER allows is read: one-byte tags, definite
 * lengths in their shortest form, elements inside their parent. Anything else (BER's indefinite
 * lengths, for one) throws {@link NotDer}, and the caller falls back to a general BER parser.
 */
final class Der {
    static final int INTEGER = 0x02;
    static final int OCTET_STRING = 0x04;
    static final int OID = 0x06;
    static final int UTC_TIME = 0x17;
    static final int GENERALIZED_TIME = 0x18;
    static final int SEQUENCE = 0x30;
    static final int SET = 0x31;
    static final int CONTEXT_0 = 0xa0;
    static final int CONTEXT_1 = 0xa1;
    static final int CONTEXT_0_PRIMITIVE = 0x80;
    private static final int MULTI_BYTE_TAG = 0x1f;
    private static final int CONSTRUCTED = 0x20;

    private Der() {}

    /** The input is not strict DER (or not well-formed at all). */
    static final class NotDer extends Exception {
        NotDer(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * One element of {@code bytes}: its tag, where it starts, where its value starts and where it
     * ends (exclusive).
     */
    // A view into the one input buffer the parser walks, not a value: never compared or hashed, and a
    // copy per element would undo the single pass that bounds the parser's cost.
    @SuppressWarnings("ArrayRecordComponent")
    record Tlv(byte[] bytes, int tag, int start, int valueStart, int end) {
        int valueLength() {
            return end - valueStart;
        }

        int length() {
            return end - start;
        }

        boolean constructed() {
            return (tag & CONSTRUCTED) != 0;
        }

        /** A copy of the whole element. */
        byte[] encoded() {
            return java.util.Arrays.copyOfRange(bytes, start, end);
        }

        /** A copy of the value. */
        byte[] value() {
            return java.util.Arrays.copyOfRange(bytes, valueStart, end);
        }

        /** The first element inside this one (which must be constructed and not empty). */
        Tlv first() throws NotDer {
            if (!constructed()) {
                throw new NotDer("primitive tag " + Integer.toHexString(tag) + " has no elements");
            }
            return read(bytes, valueStart, end);
        }

        /** The element after this one inside {@code parent}, or null at the parent's end. */
        Tlv next(Tlv parent) throws NotDer {
            return end == parent.end ? null : read(bytes, end, parent.end);
        }

        Tlv expect(int expected) throws NotDer {
            if (tag != expected) {
                throw new NotDer(
                        "tag " + Integer.toHexString(tag) + " (expected: " + Integer.toHexString(expected) + ")");
            }
            return this;
        }

        /** True when the value bytes equal {@code other}'s value bytes. */
        boolean sameValue(byte[] other) {
            return java.util.Arrays.equals(bytes, valueStart, end, other, 0, other.length);
        }

        /** True when this whole element's bytes equal {@code other}'s. */
        boolean sameEncoding(Tlv other) {
            return java.util.Arrays.equals(bytes, start, end, other.bytes, other.start, other.end);
        }
    }

    /** The whole of {@code bytes} as one element (trailing bytes are ignored, as BouncyCastle does). */
    static Tlv read(byte[] bytes) throws NotDer {
        return read(bytes, 0, bytes.length);
    }

    /** The element starting at {@code offset}, which must end by {@code limit}. */
    static Tlv read(byte[] bytes, int offset, int limit) throws NotDer {
        if (offset + 2 > limit) {
            throw new NotDer("truncated element at " + offset);
        }
        int tag = bytes[offset] & 0xff;
        if ((tag & MULTI_BYTE_TAG) == MULTI_BYTE_TAG) {
            throw new NotDer("multi-byte tag at " + offset);
        }
        int first = bytes[offset + 1] & 0xff;
        int valueStart = offset + 2;
        long length;
        if (first < 0x80) {
            length = first;
        } else if (first == 0x80) {
            throw new NotDer("indefinite length at " + offset);
        } else {
            int count = first & 0x7f;
            if (count > 4 || valueStart + count > limit) {
                throw new NotDer("length of " + count + " bytes at " + offset);
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                length = (length << 8) | (bytes[valueStart + i] & 0xff);
            }
            valueStart += count;
            // DER: the shortest form, so a long form starts with a non-zero byte and says >= 128.
            if (length < 0x80 || (bytes[offset + 2] & 0xff) == 0) {
                throw new NotDer("length not in its shortest form at " + offset);
            }
        }
        if (length > limit - valueStart) {
            throw new NotDer("element at " + offset + " runs past its parent");
        }
        return new Tlv(bytes, tag, offset, valueStart, valueStart + (int) length);
    }
}
