package kz.shlyuz.certs.pki;

import java.math.BigInteger;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.security.auth.x500.X500Principal;
import kz.shlyuz.certs.ocsp.CertificateStatus;
import kz.shlyuz.certs.ocsp.CertificateStatuses;

/**
 * The dev PKI's issuance and revocation records for its OCSP responder: every certificate in
 * {@code index.json} is known to its issuer, the CRLs' entries are revoked, and {@link #revoke}
 * revokes more while the responder runs (what a CA operator does when a holder reports a lost key).
 */
public final class DevCertificateStatuses implements CertificateStatuses {
    private final Map<X500Principal, Set<BigInteger>> issued = new ConcurrentHashMap<>();
    private final Map<String, CertificateStatus.Revoked> revoked = new ConcurrentHashMap<>();

    DevCertificateStatuses(DevPki pki) {
        for (Identity identity : pki.identities()) {
            X509Certificate certificate = pki.certificate(identity);
            issued.computeIfAbsent(certificate.getIssuerX500Principal(), k -> ConcurrentHashMap.newKeySet())
                    .add(certificate.getSerialNumber());
        }
        for (X509CRL crl : pki.crls()) {
            if (crl.getRevokedCertificates() == null) {
                continue;
            }
            for (X509CRLEntry entry : crl.getRevokedCertificates()) {
                // EnumOrdinal: java.security.cert.CRLReason is declared in RFC 5280 code order, so the
                // ordinal is the reasonCode.
                @SuppressWarnings("EnumOrdinal")
                int reason = entry.getRevocationReason() == null
                        ? 0
                        : entry.getRevocationReason().ordinal();
                revoked.put(
                        key(crl.getIssuerX500Principal(), entry.getSerialNumber()),
                        new CertificateStatus.Revoked(entry.getRevocationDate().toInstant(), reason));
            }
        }
    }

    /** Revokes {@code certificate} from {@code at} on, for {@code reason} (an RFC 5280 CRLReason code). */
    public void revoke(X509Certificate certificate, Instant at, int reason) {
        Objects.requireNonNull(certificate, "certificate");
        revoked.put(
                key(certificate.getIssuerX500Principal(), certificate.getSerialNumber()),
                new CertificateStatus.Revoked(at, reason));
    }

    @Override
    public CertificateStatus status(X509Certificate issuer, BigInteger serial) {
        X500Principal name = issuer.getSubjectX500Principal();
        CertificateStatus.Revoked revocation = revoked.get(key(name, serial));
        if (revocation != null) {
            return revocation;
        }
        Set<BigInteger> serials = issued.get(name);
        return serials != null && serials.contains(serial)
                ? new CertificateStatus.Good()
                : new CertificateStatus.Unknown();
    }

    private static String key(X500Principal issuer, BigInteger serial) {
        return issuer.getName(X500Principal.CANONICAL) + "#" + serial.toString(16);
    }
}
