package kz.shlyuz.gateway.signature;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.cms.AttributeTable;

/**
 * A SignerInfo's signed ([0]) or unsigned ([1]) attributes, read by offsets: for each attribute
 * type, the SET of values of each of its instances, in order.
 */
final class Attributes {
    private final Der.Tlv set;
    private final Map<String, List<Der.Tlv>> values;
    private final int count;

    private Attributes(Der.Tlv set, Map<String, List<Der.Tlv>> values, int count) {
        this.set = set;
        this.values = values;
        this.count = count;
    }

    /** How many attributes there are (instances, not types). */
    int count() {
        return count;
    }

    /** Reads an IMPLICIT SET OF Attribute; {@code null} for none. */
    static Attributes read(Der.Tlv set) throws Der.NotDer {
        if (set == null) {
            return null;
        }
        Map<String, List<Der.Tlv>> values = new HashMap<>(8);
        int count = 0;
        for (Der.Tlv attribute = set.valueLength() == 0 ? null : set.first();
                attribute != null;
                attribute = attribute.next(set)) {
            attribute.expect(Der.SEQUENCE);
            Der.Tlv type = attribute.first();
            Der.Tlv attrValues = type.next(attribute);
            if (attrValues == null || attrValues.next(attribute) != null) {
                throw new Der.NotDer("Attribute is not a type and a SET of values");
            }
            values.computeIfAbsent(Oids.dotted(type), k -> new ArrayList<>(1)).add(attrValues.expect(Der.SET));
            count++;
        }
        return new Attributes(set, values, count);
    }

    /** The value SETs of every instance of {@code oid}, in order; empty when absent. */
    List<Der.Tlv> all(String oid) {
        return values.getOrDefault(oid, List.of());
    }

    /** The value SET of the first instance of {@code oid}, or {@code null}. */
    Der.Tlv first(String oid) {
        List<Der.Tlv> all = values.get(oid);
        return all == null ? null : all.get(0);
    }

    boolean has(String oid) {
        return values.containsKey(oid);
    }

    /** The values of a value SET. */
    static List<Der.Tlv> valuesOf(Der.Tlv attrValues) throws Der.NotDer {
        List<Der.Tlv> out = new ArrayList<>(1);
        for (Der.Tlv v = attrValues.valueLength() == 0 ? null : attrValues.first(); v != null; v = v.next(attrValues)) {
            out.add(v);
        }
        return out;
    }

    /**
     * What RFC 5652 signs: the DER encoding of the attributes as a SET OF. When the attributes
     * arrived in DER (the usual case), that is their own bytes with the SET tag; otherwise (an
     * unsorted set, a non-canonical value) it is BouncyCastle's DER re-encoding, as before.
     */
    byte[] derEncoding() {
        if (canonical(set, true)) {
            byte[] bytes = set.encoded();
            bytes[0] = (byte) Der.SET;
            return bytes;
        }
        try {
            return asSet().getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalArgumentException("attributes cannot be encoded", e);
        }
    }

    /** The attributes as BouncyCastle's table (for the rarely present time-stamp token). */
    AttributeTable table() {
        return new AttributeTable(asSet());
    }

    private ASN1Set asSet() {
        byte[] bytes = set.encoded();
        bytes[0] = (byte) Der.SET;
        try {
            return ASN1Set.getInstance(ASN1Primitive.fromByteArray(bytes));
        } catch (IOException e) {
            throw new IllegalArgumentException("attributes cannot be read", e);
        }
    }

    /**
     * True when {@code element} is already in the form BouncyCastle's DER encoder gives it: the
     * elements of every SET sorted (BouncyCastle's order), no constructed strings, BOOLEAN as 00
     * or FF, BIT STRING with zero unused bits. (Lengths are DER already: {@link Der} reads no other.)
     */
    static boolean canonical(Der.Tlv element, boolean isSet) {
        byte[] bytes = element.bytes();
        int tag = element.tag();
        if (!element.constructed()) {
            if (tag == 0x01) {
                return element.valueLength() == 1
                        && (bytes[element.valueStart()] == 0 || bytes[element.valueStart()] == (byte) 0xff);
            }
            if (tag == 0x03) {
                if (element.valueLength() == 0) {
                    return false;
                }
                int pad = bytes[element.valueStart()] & 0xff;
                if (pad > 7 || (element.valueLength() == 1 && pad != 0)) {
                    return false;
                }
                return pad == 0 || (bytes[element.end() - 1] & ((1 << pad) - 1)) == 0;
            }
            return true;
        }
        boolean universal = (tag & 0xc0) == 0;
        if (universal && tag != Der.SEQUENCE && tag != Der.SET) {
            return false;
        }
        try {
            Der.Tlv previous = null;
            for (Der.Tlv child = element.valueLength() == 0 ? null : element.first();
                    child != null;
                    child = child.next(element)) {
                if (!canonical(child, child.tag() == Der.SET)) {
                    return false;
                }
                if (isSet && previous != null && !lessThanOrEqual(previous, child)) {
                    return false;
                }
                previous = child;
            }
            return true;
        } catch (Der.NotDer e) {
            return false;
        }
    }

    /** BouncyCastle's DER order of SET elements: tag without the constructed bit, then the bytes. */
    private static boolean lessThanOrEqual(Der.Tlv a, Der.Tlv b) {
        byte[] x = a.bytes();
        byte[] y = b.bytes();
        int a0 = x[a.start()] & ~0x20 & 0xff;
        int b0 = y[b.start()] & ~0x20 & 0xff;
        if (a0 != b0) {
            return a0 < b0;
        }
        int last = Math.min(a.length(), b.length()) - 1;
        for (int i = 1; i < last; i++) {
            int p = x[a.start() + i] & 0xff;
            int q = y[b.start() + i] & 0xff;
            if (p != q) {
                return p < q;
            }
        }
        return (x[a.start() + last] & 0xff) <= (y[b.start() + last] & 0xff);
    }
}
