package kz.shlyuz.gateway.signature;

import java.math.BigInteger;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kz.shlyuz.certs.identity.CertificateHolder;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cms.SignerId;

/**
 * Which certificate of the CMS a SignerInfo names (RFC 5652 §5.3 SignerIdentifier: issuer and
 * serial number, or subject key identifier), and whether it is a signing certificate. The CMS's
 * certificates are parsed once per distinct certificate ({@link SignerCertificates}); only the
 * certificates of signers whose signature verified and whose path holds, and those on that path,
 * are kept.
 */
final class SignerLocator {
    private final SignerCertificates certificates;

    SignerLocator(SignatureLimits limits) {
        this.certificates = new SignerCertificates(limits.caches().certificates());
    }

    /** Every certificate the CMS carries, parsed (their counts and sizes are already within the limits). */
    List<SignerCertificates.Known> candidates(SignedCms cms) {
        List<SignerCertificates.Known> known =
                new ArrayList<>(cms.certificates().size());
        for (Der.Tlv certificate : cms.certificates()) {
            try {
                known.add(certificates.get(certificate));
            } catch (CertificateException e) {
                throw new Refusal(Reason.SIGNATURE_MALFORMED, "certificate cannot be read", e);
            }
        }
        return known;
    }

    /**
     * The signing certificate the SignerInfo names; refuses when the CMS does not carry it, or
     * when it is an authentication certificate (refused as such, whatever else is wrong with the
     * signature).
     */
    SignerCertificates.Known signingCertificate(SignedCms.Signer signer, List<SignerCertificates.Known> known) {
        SignerCertificates.Known certificate = find(signer, known);
        if (certificate == null) {
            throw new Refusal(Reason.SIGNER_CERT_MISSING, "");
        }
        if (!certificate.identity.signingCertificate()) {
            throw new Refusal(Reason.CERT_NOT_FOR_SIGNING, "");
        }
        return certificate;
    }

    /**
     * Keeps the signing certificate of a signature that verified and whose path holds (the same
     * signer signs again), and the CMS's certificates on that path: the issuing CA's certificate
     * travels in every signature its holders make, and would otherwise be parsed for each one.
     * Certificates the CMS carries beside the path are not kept.
     */
    void remember(
            SignerCertificates.Known signing,
            List<SignerCertificates.Known> carried,
            List<X509Certificate> path,
            X509Certificate anchor) {
        certificates.remember(signing);
        for (SignerCertificates.Known candidate : carried) {
            if (candidate != signing
                    && (candidate.certificate.equals(anchor) || path.contains(candidate.certificate))) {
                certificates.remember(candidate);
            }
        }
    }

    /** How many parsed certificates are kept. */
    long kept() {
        return certificates.size();
    }

    /** The holder the SignerInfo names, for a report; {@code null} when it names none or cannot be read. */
    static CertificateHolder holderOf(SignedCms.Signer signer, List<SignerCertificates.Known> known) {
        try {
            SignerCertificates.Known certificate = find(signer, known);
            return certificate == null ? null : certificate.identity;
        } catch (Refusal unreadable) {
            return null;
        }
    }

    /** The certificate the SignerIdentifier names, the first in the CMS's order; {@code null} when none. */
    private static SignerCertificates.Known find(SignedCms.Signer signer, List<SignerCertificates.Known> known) {
        try {
            Der.Tlv sid = signer.sid();
            if (sid.tag() == Der.SEQUENCE) {
                Der.Tlv issuer = sid.first().expect(Der.SEQUENCE);
                Der.Tlv serial = issuer.next(sid).expect(Der.INTEGER);
                BigInteger number = new BigInteger(serial.value());
                X500Name name = null;
                for (SignerCertificates.Known candidate : known) {
                    if (!candidate.serial.equals(number)) {
                        continue;
                    }
                    if (issuer.length() == candidate.issuer.length
                            && Arrays.equals(
                                    issuer.bytes(),
                                    issuer.start(),
                                    issuer.end(),
                                    candidate.issuer,
                                    0,
                                    candidate.issuer.length)) {
                        return candidate;
                    }
                    // Names equal but encoded differently (string types, case): X.500 comparison.
                    if (name == null) {
                        name = X500Name.getInstance(issuer.encoded());
                    }
                    if (candidate.holder.getIssuer().equals(name)) {
                        return candidate;
                    }
                }
                return null;
            }
            byte[] keyId = sid.value();
            for (SignerCertificates.Known candidate : known) {
                boolean match = candidate.subjectKeyId != null
                        ? Arrays.equals(keyId, candidate.subjectKeyId)
                        : new SignerId(keyId).match(candidate.holder);
                if (match) {
                    return candidate;
                }
            }
            return null;
        } catch (Der.NotDer | RuntimeException e) {
            throw new Refusal(Reason.SIGNATURE_MALFORMED, "SignerIdentifier cannot be read", e);
        }
    }
}
