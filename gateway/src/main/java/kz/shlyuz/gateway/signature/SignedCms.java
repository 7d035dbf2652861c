package kz.shlyuz.gateway.signature;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;

/**
 * A CMS SignedData (RFC 5652) read once, by offsets into its DER: the parts a verifier needs, each
 * still in the encoding it arrived in (signed attributes, certificates, signature values), so that
 * nothing is re-encoded to be hashed, compared or looked up.
 *
 * <p>DER is read directly. Anything else BouncyCastle reads (BER with indefinite lengths, as
 * streaming signers write, or constructed strings) is parsed by BouncyCastle and re-encoded as
 * DER first, which is what BouncyCastle's own CMS classes did on every signature before.
 *
 * @param encapsulated the encapsulated content when the CMS is attached and the content is an
 *     OCTET STRING; {@code null} when detached or when {@link #encapsulatedNotData}
 * @param encapsulatedNotData true when the CMS encapsulates something other than an OCTET STRING
 * @param contentType the eContentType OBJECT IDENTIFIER element
 * @param certificates the X.509 certificates of the {@code certificates} field, in order (other
 *     certificate choices are not signers' certificates and are left out)
 * @param crls how many elements the {@code crls} field holds (0 without one)
 */
// The parser's result over the input buffer (its elements are views into it): never compared or
// hashed, confined to the verifier, and not copied for the same reason as Der.Tlv.
@SuppressWarnings("ArrayRecordComponent")
record SignedCms(
        byte[] der,
        Der.Tlv contentType,
        byte[] encapsulated,
        boolean encapsulatedNotData,
        List<Der.Tlv> certificates,
        int crls,
        List<Signer> signers) {

    /**
     * One SignerInfo's elements.
     *
     * @param sid the SignerIdentifier: an IssuerAndSerialNumber SEQUENCE or a [0] subjectKeyIdentifier
     * @param signedAttributes the [0] IMPLICIT SET OF Attribute, or {@code null}
     * @param signature the OCTET STRING signature value
     * @param unsignedAttributes the [1] IMPLICIT SET OF Attribute, or {@code null}
     */
    record Signer(
            Der.Tlv sid,
            Der.Tlv digestAlgorithm,
            Der.Tlv signedAttributes,
            Der.Tlv signatureAlgorithm,
            Der.Tlv signature,
            Der.Tlv unsignedAttributes) {

        String digestOid() throws Der.NotDer {
            return Oids.algorithm(digestAlgorithm);
        }

        String signatureOid() throws Der.NotDer {
            return Oids.algorithm(signatureAlgorithm);
        }
    }

    boolean attached() {
        return encapsulated != null || encapsulatedNotData;
    }

    /** Reads {@code der} (DER, or BER that BouncyCastle reads), or refuses it as malformed. */
    static SignedCms parse(byte[] der) {
        try {
            return read(der);
        } catch (Der.NotDer | RuntimeException notDer) {
            byte[] reencoded;
            // One object from the start, trailing bytes ignored: how BouncyCastle's CMSSignedData reads it.
            try (ASN1InputStream in = new ASN1InputStream(der)) {
                ASN1Primitive object = in.readObject();
                if (object == null) {
                    throw new IOException("empty");
                }
                reencoded = object.getEncoded(ASN1Encoding.DER);
            } catch (IOException | RuntimeException e) {
                throw new Refusal(Reason.SIGNATURE_MALFORMED, "not a DER CMS SignedData", e);
            }
            try {
                return read(reencoded);
            } catch (Der.NotDer | RuntimeException e) {
                throw new Refusal(Reason.SIGNATURE_MALFORMED, "not a DER CMS SignedData: " + e.getMessage(), e);
            }
        }
    }

    /** Reads strict DER only; {@link #parse} is what the verifier calls. */
    static SignedCms read(byte[] der) throws Der.NotDer {
        Der.Tlv contentInfo = Der.read(der).expect(Der.SEQUENCE);
        Der.Tlv type = contentInfo.first().expect(Der.OID);
        Der.Tlv explicit = type.next(contentInfo);
        if (explicit == null) {
            throw new Der.NotDer("ContentInfo without content");
        }
        explicit.expect(Der.CONTEXT_0);
        Der.Tlv signedData = explicit.first().expect(Der.SEQUENCE);

        Der.Tlv version = signedData.first().expect(Der.INTEGER);
        Der.Tlv digestAlgorithms = next(version, signedData).expect(Der.SET);
        Der.Tlv encapContentInfo = next(digestAlgorithms, signedData).expect(Der.SEQUENCE);
        Der.Tlv contentType = encapContentInfo.first().expect(Der.OID);
        byte[] encapsulated = null;
        boolean notData = false;
        Der.Tlv eContent = contentType.next(encapContentInfo);
        if (eContent != null) {
            eContent.expect(Der.CONTEXT_0);
            Der.Tlv octets = eContent.first();
            if (octets.tag() == Der.OCTET_STRING) {
                encapsulated = octets.value();
            } else {
                notData = true;
            }
        }

        Der.Tlv field = next(encapContentInfo, signedData);
        List<Der.Tlv> certificates = new ArrayList<>();
        if (field.tag() == Der.CONTEXT_0) {
            for (Der.Tlv choice = field.valueLength() == 0 ? null : field.first();
                    choice != null;
                    choice = choice.next(field)) {
                if (choice.tag() == Der.SEQUENCE) {
                    certificates.add(choice);
                }
            }
            field = next(field, signedData);
        }
        int crls = 0;
        if (field.tag() == Der.CONTEXT_1) {
            for (Der.Tlv crl = field.valueLength() == 0 ? null : field.first(); crl != null; crl = crl.next(field)) {
                crls++;
            }
            field = next(field, signedData);
        }
        Der.Tlv signerInfos = field.expect(Der.SET);
        List<Signer> signers = new ArrayList<>();
        for (Der.Tlv info = signerInfos.valueLength() == 0 ? null : signerInfos.first();
                info != null;
                info = info.next(signerInfos)) {
            signers.add(signer(info.expect(Der.SEQUENCE)));
        }
        return new SignedCms(
                der, contentType, encapsulated, notData, List.copyOf(certificates), crls, List.copyOf(signers));
    }

    private static Signer signer(Der.Tlv info) throws Der.NotDer {
        Der.Tlv version = info.first().expect(Der.INTEGER);
        Der.Tlv sid = next(version, info);
        if (sid.tag() != Der.SEQUENCE && sid.tag() != Der.CONTEXT_0_PRIMITIVE) {
            throw new Der.NotDer("SignerIdentifier tag " + Integer.toHexString(sid.tag()));
        }
        Der.Tlv digestAlgorithm = next(sid, info).expect(Der.SEQUENCE);
        Der.Tlv field = next(digestAlgorithm, info);
        Der.Tlv signed = null;
        if (field.tag() == Der.CONTEXT_0) {
            signed = field;
            field = next(field, info);
        }
        Der.Tlv signatureAlgorithm = field.expect(Der.SEQUENCE);
        Der.Tlv signature = next(signatureAlgorithm, info).expect(Der.OCTET_STRING);
        Der.Tlv unsigned = signature.next(info);
        if (unsigned != null) {
            unsigned.expect(Der.CONTEXT_1);
            if (unsigned.next(info) != null) {
                throw new Der.NotDer("SignerInfo has elements after unsignedAttrs");
            }
        }
        return new Signer(sid, digestAlgorithm, signed, signatureAlgorithm, signature, unsigned);
    }

    private static Der.Tlv next(Der.Tlv element, Der.Tlv parent) throws Der.NotDer {
        Der.Tlv next = element.next(parent);
        if (next == null) {
            throw new Der.NotDer("SEQUENCE ends early");
        }
        return next;
    }
}
