package kz.shlyuz.gateway.signature;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.cms.CMSAlgorithmProtection;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * A SignerInfo's attributes and the signature over them: the signed attributes content-type,
 * message-digest and signing-time are present, at most {@code maxAttributes} in all; then the
 * checks of RFC 5652 §5.4 and §11 and RFC 6211 in the order BouncyCastle's
 * {@code SignerInformation.verify} makes them, so that each defect keeps its refusal reason, and
 * last the signature value over the signed attributes' DER.
 */
final class SignedAttributeRules {
    /** A SignerInfo's attributes as read, and its signing time. */
    record Read(Attributes signed, Attributes unsigned, Instant signingTime) {}

    private final int maxAttributes;

    SignedAttributeRules(SignatureLimits limits) {
        this.maxAttributes = limits.maxAttributes();
    }

    /** Reads the attributes; refuses too many, or a missing content-type, message-digest or signing-time. */
    Read read(SignedCms.Signer signer) {
        Attributes signed;
        Attributes unsigned;
        try {
            signed = Attributes.read(signer.signedAttributes());
            unsigned = Attributes.read(signer.unsignedAttributes());
        } catch (Der.NotDer e) {
            throw new Refusal(Reason.SIGNATURE_MALFORMED, "attributes cannot be read: " + e.getMessage(), e);
        }
        int attributes = (signed == null ? 0 : signed.count()) + (unsigned == null ? 0 : unsigned.count());
        if (attributes > maxAttributes) {
            throw new Refusal(
                    Reason.SIGNATURE_MALFORMED,
                    attributes + " attributes in a SignerInfo (expected: <= " + maxAttributes + ")");
        }
        if (signed == null) {
            throw new Refusal(Reason.SIGNED_ATTRIBUTES_MISSING, "signedAttrs");
        }
        if (!signed.has(Oids.CONTENT_TYPE)) {
            throw new Refusal(Reason.SIGNED_ATTRIBUTES_MISSING, "content-type");
        }
        if (!signed.has(Oids.MESSAGE_DIGEST)) {
            throw new Refusal(Reason.SIGNED_ATTRIBUTES_MISSING, "message-digest");
        }
        return new Read(signed, unsigned, signingTime(signed));
    }

    /**
     * Signing-time single-valued and signed, the certificate valid then, content-type, algorithm
     * protection, message-digest, no signed countersignature, then the signature value.
     */
    static void check(
            SignedEnvelope.Parsed parsed,
            SignedCms.Signer signer,
            Read attributes,
            SignerCertificates.Known certificate,
            AlgorithmPolicy.Accepted algorithm) {
        Attributes signed = attributes.signed();
        Attributes unsigned = attributes.unsigned();
        try {
            singleValued(signed, unsigned, Oids.SIGNING_TIME, "signing-time");
            if (!certificate.validAt(attributes.signingTime())) {
                throw new Refusal(Reason.CERT_EXPIRED, "not valid at signing-time");
            }
            byte[] digest = algorithm.gost().isPresent()
                    ? SignatureMath.gostDigest(algorithm.gost().get(), parsed.content())
                    : SignatureMath.sha256(parsed.content());

            Der.Tlv contentType = singleValued(signed, unsigned, Oids.CONTENT_TYPE, "content-type");
            if (contentType.tag() != Der.OID) {
                throw invalid("content-type attribute value is not an OBJECT IDENTIFIER");
            }
            if (!contentType.sameEncoding(parsed.cms().contentType())) {
                throw invalid("content-type attribute value does not match eContentType");
            }
            Der.Tlv protection = singleValued(signed, unsigned, Oids.CMS_ALGORITHM_PROTECT, "cmsAlgorithmProtect");
            if (protection != null) {
                checkProtection(protection, signer);
            }
            Der.Tlv messageDigest = singleValued(signed, unsigned, Oids.MESSAGE_DIGEST, "message-digest");
            if (messageDigest.tag() != Der.OCTET_STRING) {
                throw invalid("message-digest attribute value is not an OCTET STRING");
            }
            if (!MessageDigest.isEqual(digest, messageDigest.value())) {
                throw invalid("message-digest does not match the content");
            }
            if (signed.has(Oids.COUNTER_SIGNATURE)) {
                throw invalid("a countersignature attribute must not be a signed attribute");
            }
            if (unsigned != null) {
                for (Der.Tlv values : unsigned.all(Oids.COUNTER_SIGNATURE)) {
                    if (values.valueLength() == 0) {
                        throw invalid("a countersignature attribute without a value");
                    }
                }
            }
            if (!signatureHolds(signed.derEncoding(), signer.signature().value(), certificate, algorithm)) {
                throw invalid("signature value does not verify");
            }
        } catch (Der.NotDer | GeneralSecurityException | RuntimeException e) {
            if (e instanceof Refusal refusal) {
                throw refusal;
            }
            throw new Refusal(Reason.SIGNATURE_INVALID, "signature value does not verify", e);
        }
    }

    private static boolean signatureHolds(
            byte[] toBeSigned, byte[] value, SignerCertificates.Known certificate, AlgorithmPolicy.Accepted algorithm)
            throws GeneralSecurityException {
        if (algorithm.gost().isPresent()) {
            if (certificate.gostKey == null) {
                throw new Refusal(Reason.ALGORITHM_UNSUPPORTED, algorithm.description() + ": the key cannot be read");
            }
            return SignatureMath.gost(certificate.gostKey, toBeSigned, value);
        }
        return SignatureMath.rsaSha256(certificate.certificate.getPublicKey(), toBeSigned, value);
    }

    /**
     * The one value of a signed attribute that must occur at most once, with one value, and never
     * unsigned (RFC 5652 §11); {@code null} when absent.
     */
    private static Der.Tlv singleValued(Attributes signed, Attributes unsigned, String oid, String name)
            throws Der.NotDer {
        if (unsigned != null && unsigned.has(oid)) {
            throw invalid("the " + name + " attribute must not be an unsigned attribute");
        }
        List<Der.Tlv> instances = signed.all(oid);
        if (instances.isEmpty()) {
            return null;
        }
        if (instances.size() > 1) {
            throw invalid("the signed attributes include " + instances.size() + " " + name + " attributes");
        }
        List<Der.Tlv> values = Attributes.valuesOf(instances.get(0));
        if (values.size() != 1) {
            throw invalid("the " + name + " attribute has " + values.size() + " values (expected: 1)");
        }
        return values.get(0);
    }

    /** RFC 6211: the protected algorithms are the SignerInfo's own. */
    private static void checkProtection(Der.Tlv protection, SignedCms.Signer signer) throws Der.NotDer {
        // The usual case: the same encodings, compared as they are.
        Der.Tlv digest = protection.expect(Der.SEQUENCE).first();
        Der.Tlv signature = digest.next(protection);
        if (digest.sameEncoding(signer.digestAlgorithm())
                && signature != null
                && signature.tag() == Der.CONTEXT_1
                && signature.valueLength() == signer.signatureAlgorithm().valueLength()
                && Arrays.equals(
                        signature.bytes(),
                        signature.valueStart(),
                        signature.end(),
                        signer.signatureAlgorithm().bytes(),
                        signer.signatureAlgorithm().valueStart(),
                        signer.signatureAlgorithm().end())
                && signature.next(protection) == null) {
            return;
        }
        // Otherwise as BouncyCastle judges it (absent parameters and NULL are the same).
        CMSAlgorithmProtection parsed = CMSAlgorithmProtection.getInstance(protection.encoded());
        if (!equivalent(
                parsed.getDigestAlgorithm(),
                AlgorithmIdentifier.getInstance(signer.digestAlgorithm().encoded()))) {
            throw invalid("CMS algorithm protection check failed for digestAlgorithm");
        }
        if (!equivalent(
                parsed.getSignatureAlgorithm(),
                AlgorithmIdentifier.getInstance(signer.signatureAlgorithm().encoded()))) {
            throw invalid("CMS algorithm protection check failed for signatureAlgorithm");
        }
    }

    private static boolean equivalent(AlgorithmIdentifier a, AlgorithmIdentifier b) {
        if (a == null || b == null || !a.getAlgorithm().equals(b.getAlgorithm())) {
            return false;
        }
        ASN1Encodable p = a.getParameters();
        ASN1Encodable q = b.getParameters();
        if (p != null) {
            return p.equals(q) || (p.equals(DERNull.INSTANCE) && q == null);
        }
        return q == null || q.equals(DERNull.INSTANCE);
    }

    private static Refusal invalid(String detail) {
        return new Refusal(Reason.SIGNATURE_INVALID, detail);
    }

    private static Instant signingTime(Attributes attributes) {
        Der.Tlv attribute = attributes.first(Oids.SIGNING_TIME);
        List<Der.Tlv> values;
        try {
            values = attribute == null ? List.of() : Attributes.valuesOf(attribute);
        } catch (Der.NotDer e) {
            throw new Refusal(Reason.SIGNATURE_MALFORMED, "signing-time cannot be read", e);
        }
        if (values.size() != 1) {
            throw new Refusal(Reason.SIGNED_ATTRIBUTES_MISSING, "signing-time");
        }
        try {
            return SigningTimes.read(values.get(0));
        } catch (RuntimeException e) {
            throw new Refusal(Reason.SIGNATURE_MALFORMED, "signing-time is not a Time", e);
        }
    }
}
