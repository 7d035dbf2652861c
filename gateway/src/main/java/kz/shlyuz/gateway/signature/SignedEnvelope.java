package kz.shlyuz.gateway.signature;

import java.util.Arrays;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;

/**
 * The CMS envelope, before any SignerInfo is looked at: its encoding (DER, BER or base64 text),
 * the shape bounds checked before a parser recurses, which content the signatures are over
 * (detached: the given bytes; attached: exactly those bytes, or the encapsulated ones), and how
 * many signers, certificates and CRLs it carries and how large each certificate is, all before
 * anything inside it is parsed.
 */
final class SignedEnvelope {
    /** A parsed CMS and the content its signatures are over. */
    // The content is a view of the request's bytes inside the verifier (see SignedCms).
    @SuppressWarnings("ArrayRecordComponent")
    record Parsed(SignedCms cms, byte[] content) {}

    private final SignatureLimits limits;

    SignedEnvelope(SignatureLimits limits) {
        this.limits = limits;
    }

    /**
     * @param content the detached content, or null to take it from an attached signature
     */
    Parsed read(byte[] content, byte[] signature) {
        if (signature == null || signature.length == 0) {
            throw new Refusal(Reason.SIGNATURE_MISSING, "");
        }
        byte[] der = CmsEncoding.der(signature);
        // The shape before any parser: the BER fallback recurses once per nesting level.
        Asn1Bounds.check(der, limits.maxNestingDepth(), limits.maxElements());
        SignedCms cms = SignedCms.parse(der);
        Parsed parsed = new Parsed(cms, content);
        if (cms.attached()) {
            // Attached (NCALayer's default): only acceptable when it carries exactly our bytes.
            if (cms.encapsulatedNotData()) {
                throw new Refusal(Reason.SIGNATURE_MALFORMED, "encapsulated content is not data");
            }
            if (content == null) {
                parsed = new Parsed(cms, cms.encapsulated());
            } else if (!Arrays.equals(cms.encapsulated(), content)) {
                throw new Refusal(Reason.SIGNATURE_INVALID, "encapsulated content differs from content");
            }
        } else if (content == null) {
            throw new Refusal(Reason.SIGNATURE_MALFORMED, "detached signature without the signed data");
        }
        checkCounts(cms);
        return parsed;
    }

    private void checkCounts(SignedCms cms) {
        if (cms.signers().isEmpty()) {
            throw new Refusal(Reason.SIGNATURE_MISSING, "no SignerInfo");
        }
        if (cms.signers().size() > limits.maxSigners()) {
            throw new Refusal(
                    Reason.SIGNATURE_MALFORMED,
                    cms.signers().size() + " signers (expected: <= " + limits.maxSigners() + ")");
        }
        if (cms.certificates().size() > limits.maxCertificates()) {
            throw new Refusal(
                    Reason.SIGNATURE_MALFORMED,
                    cms.certificates().size() + " certificates (expected: <= " + limits.maxCertificates() + ")");
        }
        if (cms.crls() > limits.maxCrls()) {
            throw new Refusal(Reason.SIGNATURE_MALFORMED, cms.crls() + " CRLs (expected: <= " + limits.maxCrls() + ")");
        }
        // Sizes before parsing: a certificate the national CA would never issue is not parsed at all.
        for (Der.Tlv certificate : cms.certificates()) {
            if (certificate.length() > limits.maxCertificateBytes()) {
                throw new Refusal(
                        Reason.SIGNATURE_MALFORMED,
                        "a certificate of " + certificate.length() + " bytes (expected: <= "
                                + limits.maxCertificateBytes() + ")");
            }
        }
    }
}
