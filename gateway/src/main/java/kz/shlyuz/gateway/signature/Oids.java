package kz.shlyuz.gateway.signature;

/** OBJECT IDENTIFIERs read from their DER by offsets, to dotted strings. */
final class Oids {
    static final String CONTENT_TYPE = "1.2.840.113549.1.9.3";
    static final String MESSAGE_DIGEST = "1.2.840.113549.1.9.4";
    static final String SIGNING_TIME = "1.2.840.113549.1.9.5";
    static final String COUNTER_SIGNATURE = "1.2.840.113549.1.9.6";
    static final String CMS_ALGORITHM_PROTECT = "1.2.840.113549.1.9.52";

    private Oids() {}

    /** The algorithm OID of an AlgorithmIdentifier SEQUENCE. */
    static String algorithm(Der.Tlv algorithmIdentifier) throws Der.NotDer {
        return dotted(algorithmIdentifier.first().expect(Der.OID));
    }

    /** The dotted form of an OBJECT IDENTIFIER element. */
    static String dotted(Der.Tlv oid) throws Der.NotDer {
        oid.expect(Der.OID);
        byte[] bytes = oid.bytes();
        if (oid.valueLength() == 0 || (bytes[oid.end() - 1] & 0x80) != 0) {
            throw new Der.NotDer("OBJECT IDENTIFIER is truncated");
        }
        StringBuilder out = new StringBuilder(oid.valueLength() * 3);
        long value = 0;
        boolean first = true;
        for (int i = oid.valueStart(); i < oid.end(); i++) {
            int b = bytes[i] & 0xff;
            if (value == 0 && b == 0x80) {
                throw new Der.NotDer("OBJECT IDENTIFIER arc not in its shortest form");
            }
            if (value > (Long.MAX_VALUE >>> 7)) {
                throw new Der.NotDer("OBJECT IDENTIFIER arc too large");
            }
            value = (value << 7) | (b & 0x7f);
            if ((b & 0x80) == 0) {
                if (first) {
                    int top = value < 40 ? 0 : value < 80 ? 1 : 2;
                    out.append(top).append('.').append(value - 40L * top);
                    first = false;
                } else {
                    out.append('.').append(value);
                }
                value = 0;
            }
        }
        return out.toString();
    }
}
