package kz.shlyuz.gateway.signature;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import kz.shlyuz.certs.identity.CertificateHolder;
import kz.shlyuz.certs.identity.Iin;

/**
 * One signer whose signature holds, whose certificate chains to a trust anchor, was not revoked
 * and was valid at {@code signingTime}, and is a signing (not authentication) certificate.
 *
 * @param chain the validated path, the signer's certificate first, then the intermediates, then
 *     the trust anchor
 * @param algorithm what the signature was made with, e.g. {@code GOST2015-512 / Streebog-512}
 * @param revocation what revocation checking found, in words
 * @param timeStamp the verified RFC 3161 time-stamp (time, TSA, policy), or empty when the
 *     signature carries none; with one, the certificate was judged at the stamped time
 * @param revocationEvidence the OCSP response or CRL the revocation status was judged from (kept
 *     by the evidence archive), {@link RevocationEvidence#NONE} when none answered
 */
public record VerifiedSigner(
        CertificateHolder holder,
        X509Certificate certificate,
        Instant signingTime,
        List<X509Certificate> chain,
        String algorithm,
        String revocation,
        String timeStamp,
        RevocationEvidence revocationEvidence) {

    public VerifiedSigner {
        chain = chain == null ? List.of(certificate) : List.copyOf(chain);
        algorithm = algorithm == null ? "" : algorithm;
        revocation = revocation == null ? "" : revocation;
        timeStamp = timeStamp == null ? "" : timeStamp;
        revocationEvidence = revocationEvidence == null ? RevocationEvidence.NONE : revocationEvidence;
    }

    public VerifiedSigner(
            CertificateHolder holder,
            X509Certificate certificate,
            Instant signingTime,
            List<X509Certificate> chain,
            String algorithm,
            String revocation,
            String timeStamp) {
        this(holder, certificate, signingTime, chain, algorithm, revocation, timeStamp, RevocationEvidence.NONE);
    }

    public VerifiedSigner(CertificateHolder holder, X509Certificate certificate, Instant signingTime) {
        this(holder, certificate, signingTime, List.of(certificate), "", "", "");
    }

    /** A description safe for logs and journals: name of the organisation or masked IIN, and role. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        if (holder.iin() != null) {
            s.append("IIN ").append(Iin.mask(holder.iin()));
        }
        if (holder.bin() != null) {
            s.append(s.isEmpty() ? "" : " ").append("BIN ").append(holder.bin());
        }
        return s.append(" (").append(holder.role()).append(')').toString();
    }
}
