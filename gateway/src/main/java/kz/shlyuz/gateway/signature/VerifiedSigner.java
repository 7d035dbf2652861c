package kz.shlyuz.gateway.signature;

import java.security.cert.X509Certificate;
import java.time.Instant;
import kz.shlyuz.certs.identity.CertificateHolder;
import kz.shlyuz.certs.identity.Iin;

/**
 * One signer whose signature holds, whose certificate chains to a trust anchor, was not revoked
 * and was valid at {@code signingTime}, and is a signing (not authentication) certificate.
 */
public record VerifiedSigner(CertificateHolder holder, X509Certificate certificate, Instant signingTime) {

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
